package dev.newsflow.enrich.dedup;

import java.time.Instant;

/**
 * A close article (estimated similarity at least {@link BandIndex#MIN_SIMILARITY}) that one band found already
 * filed when the asking article arrived.
 *
 * @param earlier     whether it comes before the asking article in dedup order (first seen, then id)
 * @param sharedBands in how many bands the two fingerprints have the same key, i.e. how many bands can name it
 */
record Candidate(String id, Instant firstSeen, boolean earlier, int sharedBands) {
}
