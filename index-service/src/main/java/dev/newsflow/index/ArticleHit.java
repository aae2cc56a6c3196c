package dev.newsflow.index;

import java.time.Instant;
import java.util.List;

/**
 * One search hit as {@code GET /v1/search} shows it; {@code snippet} carries {@code <em>} around matches.
 *
 * @param duplicates how many duplicates were folded under this original, or null for none (or when not folding)
 */
public record ArticleHit(String id, String title, String snippet, String source, Instant publishedAt,
                         Instant ingestedAt, String language, List<String> people, List<String> organizations,
                         List<String> places, List<String> topics, Long duplicates) {

    ArticleHit withDuplicates(Long count) {
        return new ArticleHit(id, title, snippet, source, publishedAt, ingestedAt, language, people, organizations,
                places, topics, count);
    }
}
