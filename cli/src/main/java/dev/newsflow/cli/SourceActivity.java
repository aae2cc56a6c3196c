package dev.newsflow.cli;

import java.time.Instant;

/**
 * One source as the index sees it.
 *
 * @param lastIngestedAt the newest {@code ingested_at} among its documents, or null when none has one
 */
public record SourceActivity(String source, long documents, Instant lastIngestedAt) {
}
