package dev.newsflow.enrich.entities;

import java.util.List;

/** The people, organizations and places of one article, canonical within it, in order of first mention. */
public record Entities(List<String> people, List<String> organizations, List<String> places) {

    public Entities {
        people = List.copyOf(people);
        organizations = List.copyOf(organizations);
        places = List.copyOf(places);
    }
}
