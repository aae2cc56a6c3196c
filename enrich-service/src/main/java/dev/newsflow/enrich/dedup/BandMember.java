package dev.newsflow.enrich.dedup;

import java.time.Instant;

/** One article filed under a band key in the {@link BandIndex}. */
record BandMember(String id, Instant firstSeen, Instant lastSeen, Fingerprint fingerprint) {

    /** Whether this article comes before {@code other} in dedup order: first seen earlier, then the smaller id. */
    boolean isBefore(Instant otherFirstSeen, String otherId) {
        int byTime = firstSeen.compareTo(otherFirstSeen);
        return byTime < 0 || byTime == 0 && id.compareTo(otherId) < 0;
    }
}
