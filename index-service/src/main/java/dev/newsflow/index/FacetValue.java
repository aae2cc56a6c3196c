package dev.newsflow.index;

/** One value of a facet and how many matching articles carry it. */
public record FacetValue(String value, long count) {
}
