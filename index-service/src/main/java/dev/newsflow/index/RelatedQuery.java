package dev.newsflow.index;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code GET /v1/articles/{id}/related} request.
 *
 * @param size how many related articles, 1 to {@link #MAX_SIZE}
 */
public record RelatedQuery(String id, int size) {

    public static final int DEFAULT_SIZE = 5;
    public static final int MAX_SIZE = 10;

    /** Reads {@code size}; a bad value answers 400 naming it. */
    public static RelatedQuery parse(String id, Map<String, List<String>> params) {
        List<String> values = params.getOrDefault("size", List.of());
        String value = values.isEmpty() ? "" : values.getLast().strip();
        if (value.isEmpty()) {
            return new RelatedQuery(id, DEFAULT_SIZE);
        }
        // At most two digits, so parseInt cannot overflow and anything else is refused before parsing.
        int size = value.matches("\\d{1,2}") ? Integer.parseInt(value) : -1;
        if (size < 1 || size > MAX_SIZE) {
            throw new ProblemException(Problem.of(400, "Bad Request", "size must be a whole number from 1 to "
                    + MAX_SIZE + ", got \"" + value + "\"").with("parameter", "size"));
        }
        return new RelatedQuery(id, size);
    }
}
