package dev.newsflow.index;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.util.Locale;

/** The orders {@code GET /v1/search} offers. */
public enum SearchSort {
    /** Best match first (title matches weigh more), newer first among equals. */
    RELEVANCE,
    /** Latest {@code published_at} first. */
    NEWEST;

    static SearchSort parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "relevance" -> RELEVANCE;
            case "newest" -> NEWEST;
            default -> throw new ProblemException(Problem.of(400, "Bad Request",
                    "sort must be relevance or newest, got \"" + value + "\"").with("parameter", "sort"));
        };
    }
}
