package dev.newsflow.bench;

import java.time.Instant;
import java.util.List;

/**
 * One generated story in ingest-service's native article format (DESIGN.md, "Native article");
 * serialized with {@code Json.mapper()} it is exactly the JSON a feed would post.
 *
 * @param kind what the story is to the corpus: an original, a near-duplicate of one, or an update of one
 */
public record CorpusArticle(String guid, long version, String title, String body, String language, String byline,
                            Instant publishedAt, List<String> subjects, Kind kind) {

    /** How a story relates to the ones before it. */
    public enum Kind { ORIGINAL, NEAR_DUPLICATE, UPDATE }

    public CorpusArticle {
        subjects = List.copyOf(subjects);
    }
}
