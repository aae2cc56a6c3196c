package dev.newsflow.enrich.dedup;

import java.time.Instant;

/**
 * What {@link BandRouter} remembers of an id: when it was first and last seen, which version is its latest, and
 * the fingerprint its band entries were filed under (so an update or a withdrawal can take them back).
 *
 * @param firstSeen   the record time of the id's first version; it orders articles ("earlier") for dedup, so an
 *                    update keeps the place of its first version and never becomes a copy of its own copies
 * @param lastSeen    the record time of its latest version, from which its retention runs
 * @param seq         the latest version's raw offset: {@link CopyResolver} marks a copy only while it is the latest
 * @param fingerprint the latest version's fingerprint, null when that version was too short to have one
 */
record KnownArticle(Instant firstSeen, Instant lastSeen, long seq, Fingerprint fingerprint) {
}
