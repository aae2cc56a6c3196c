package dev.newsflow.core;

/** Where a story was filed: the place as found, and the dateline text it came from. */
public record Dateline(String place, String text) {
}
