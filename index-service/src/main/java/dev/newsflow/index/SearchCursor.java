package dev.newsflow.index;

import com.fasterxml.jackson.core.JacksonException;
import dev.newsflow.core.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Where the next page starts: the sort values of the last hit shown ({@code search_after}), and the
 * sort they belong to, so a cursor cannot be replayed against another order. Opaque to clients:
 * URL-safe Base64 of a small JSON object.
 *
 * @param after sort values as Elasticsearch returned them: numbers, strings or nulls
 */
public record SearchCursor(SearchSort sort, List<Object> after) {

    public SearchCursor {
        // Not List.copyOf: a missing sort value comes back from Elasticsearch as null.
        after = after == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(after));
    }

    public String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.mapper().writeValueAsBytes(this));
        } catch (JacksonException e) {
            throw new IllegalStateException("a cursor of plain values always serializes", e);
        }
    }

    /** Reads the body of a cursor whose signature {@link CursorSeal} has checked; anything unreadable is a 400 naming {@code cursor}. */
    static SearchCursor decode(String text) {
        try {
            SearchCursor cursor = Json.mapper().readValue(Base64.getUrlDecoder().decode(text), SearchCursor.class);
            if (cursor.sort() == null || cursor.after().isEmpty()) {
                throw CursorSeal.invalid();
            }
            return cursor;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw CursorSeal.invalid();
        }
    }
}
