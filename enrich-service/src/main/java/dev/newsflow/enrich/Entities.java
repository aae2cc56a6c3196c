package dev.newsflow.enrich;

import java.util.List;

/** The people, organizations and places of one article, canonical within it, in order of first mention. */
record Entities(List<String> people, List<String> organizations, List<String> places) {

    Entities {
        people = List.copyOf(people);
        organizations = List.copyOf(organizations);
        places = List.copyOf(places);
    }
}
