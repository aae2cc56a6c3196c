package dev.newsflow.enrich.dedup;

import java.time.Instant;

/**
 * What the dedup step remembers of an article it has passed.
 *
 * @param originalId  the article it copies, or its own id when it is an original; a copy of a copy
 *                    points at the first, not at a chain
 * @param seenAt      the record time of its latest version, from which its retention runs
 * @param fingerprint its text's fingerprint
 */
public record SeenArticle(String originalId, Instant seenAt, Fingerprint fingerprint) {
}
