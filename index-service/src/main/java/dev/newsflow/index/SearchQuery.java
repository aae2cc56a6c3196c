package dev.newsflow.index;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code GET /v1/search} request. Each filter parameter may repeat; every value must match.
 *
 * @param text  the {@code q} text in simple query syntax ({@code "a phrase"}, {@code -exclude}, {@code a OR b}), or null
 * @param since inclusive lower bound of {@code published_at}, or null
 * @param until exclusive upper bound of {@code published_at}, or null
 * @param includeDuplicates {@code duplicates=include}: also hits with {@code duplicate_of} set, which are
 *                          otherwise folded under their original ({@code duplicates=fold}, the default)
 */
public record SearchQuery(String text, List<String> people, List<String> organizations, List<String> places,
                          List<String> topics, List<String> languages, List<String> sources,
                          Instant since, Instant until, SearchSort sort, int size, SearchCursor cursor,
                          boolean includeDuplicates) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public SearchQuery {
        people = List.copyOf(people);
        organizations = List.copyOf(organizations);
        places = List.copyOf(places);
        topics = List.copyOf(topics);
        languages = List.copyOf(languages);
        sources = List.copyOf(sources);
    }


    /**
     * Reads the query parameters; a bad value answers 400 with a problem naming the parameter.
     * Without {@code q} the default order is newest first, with it relevance.
     *
     * @param cursors opens the {@code cursor} this service signed
     */
    static SearchQuery parse(Map<String, List<String>> params, CursorSeal cursors) {
        String text = single(params, "q");
        if (text != null) {
            if (text.length() > SearchLimits.MAX_QUERY_CHARS) {
                throw badRequest("q", "q must be at most " + SearchLimits.MAX_QUERY_CHARS + " characters, got " + text.length());
            }
            QueryText.checkPrefixes(text).ifPresent(problem -> {
                throw badRequest("q", problem);
            });
        }
        String sortText = single(params, "sort");
        SearchSort sort = sortText == null ? (text == null ? SearchSort.NEWEST : SearchSort.RELEVANCE) : SearchSort.parse(sortText);
        Instant since = instant(params, "since");
        Instant until = instant(params, "until");
        if (since != null && until != null && !since.isBefore(until)) {
            throw badRequest("until", "until must be later than since");
        }
        String cursorText = single(params, "cursor");
        SearchCursor cursor = cursorText == null ? null : cursors.open(cursorText);
        if (cursor != null && cursor.sort() != sort) {
            throw badRequest("cursor", "cursor belongs to sort=" + cursor.sort().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not to this sort");
        }
        return new SearchQuery(text, all(params, "person"), all(params, "organization"), all(params, "place"),
                all(params, "topic"), all(params, "language"), all(params, "source"),
                since, until, sort, size(params), cursor, includeDuplicates(params));
    }

    /** The same query, continuing after the given cursor. */
    public SearchQuery after(SearchCursor next) {
        return new SearchQuery(text, people, organizations, places, topics, languages, sources, since, until, sort, size, next,
                includeDuplicates);
    }

    private static boolean includeDuplicates(Map<String, List<String>> params) {
        String value = single(params, "duplicates");
        if (value == null || value.equals("fold")) {
            return false;
        }
        if (value.equals("include")) {
            return true;
        }
        throw badRequest("duplicates", "duplicates must be fold or include, got \"" + value + "\"");
    }

    private static int size(Map<String, List<String>> params) {
        String value = single(params, "size");
        if (value == null) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            throw badRequest("size", "size must be a whole number from 1 to " + MAX_SIZE + ", got \"" + value + "\"");
        }
        throw badRequest("size", "size must be a whole number from 1 to " + MAX_SIZE + ", got " + value);
    }

    /** An ISO-8601 instant ({@code 2025-03-01T12:00:00Z}) or a date ({@code 2025-03-01}, midnight UTC). */
    private static Instant instant(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest(name, name + " must be an ISO-8601 date or instant such as 2025-03-01 or "
                    + "2025-03-01T12:00:00Z, got \"" + value + "\"");
        }
    }

    /** The last non-blank value of a parameter, trimmed, or null. */
    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = all(params, name);
        return values.isEmpty() ? null : values.getLast();
    }

    private static List<String> all(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream()
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .toList();
    }

    private static ProblemException badRequest(String parameter, String detail) {
        return new ProblemException(Problem.of(400, "Bad Request", detail).with("parameter", parameter));
    }
}
