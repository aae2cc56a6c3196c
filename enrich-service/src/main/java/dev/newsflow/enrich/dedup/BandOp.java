package dev.newsflow.enrich.dedup;

import java.time.Instant;

/**
 * What {@link BandRouter} asks the {@link BandIndex} partition that owns one band key: file this article under
 * the key and say which close articles are already there, or (no fingerprint) take the id's entry back.
 *
 * @param seq       the version of the article the answer belongs to (its raw offset; an id stays on one partition)
 * @param firstVersion true when the id had no fingerprinted version before this one
 */
record BandOp(String id, long seq, Instant firstSeen, Instant lastSeen, Fingerprint fingerprint, boolean firstVersion) {

    static BandOp add(String id, long seq, KnownArticle known, boolean firstVersion) {
        return new BandOp(id, seq, known.firstSeen(), known.lastSeen(), known.fingerprint(), firstVersion);
    }

    static BandOp remove(String id) {
        return new BandOp(id, -1, null, null, null, false);
    }

    boolean removal() {
        return fingerprint == null;
    }
}
