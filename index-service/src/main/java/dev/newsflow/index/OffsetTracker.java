package dev.newsflow.index;

import java.util.HashSet;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The offsets of one partition between "handed to Elasticsearch" and "confirmed", so the consumer
 * commits only up to the first offset not yet confirmed. Bulk responses come back out of order and
 * the compacted topic has gaps between offsets, hence a sorted set rather than a counter.
 * Used by the poll thread only; not thread-safe.
 */
final class OffsetTracker {

    /** Tracked offsets not yet confirmed, in flight or failed. */
    private final NavigableSet<Long> unconfirmed = new TreeSet<>();
    /** The subset of {@link #unconfirmed} whose write failed and must be done again. */
    private final Set<Long> failed = new HashSet<>();
    /** One past the highest offset tracked, or -1 before the first. */
    private long next = -1;

    /** Records that the write for {@code offset} was handed over; offsets must increase. */
    void track(long offset) {
        if (offset < next) {
            throw new IllegalArgumentException("offset " + offset + " tracked after " + (next - 1));
        }
        unconfirmed.add(offset);
        next = offset + 1;
    }

    /** The write for {@code offset} is durable in Elasticsearch (or in the dead letter topic). */
    void confirm(long offset) {
        unconfirmed.remove(offset);
        failed.remove(offset);
    }

    /** The write for {@code offset} did not happen; it stays unconfirmed until it is done again. */
    void fail(long offset) {
        if (unconfirmed.contains(offset)) {
            failed.add(offset);
        }
    }

    /** How many writes have neither been confirmed nor failed. */
    int inFlight() {
        return unconfirmed.size() - failed.size();
    }

    boolean hasFailures() {
        return !failed.isEmpty();
    }

    /**
     * The offset to commit: every record below it is confirmed. Empty before anything was tracked,
     * so a fresh assignment never commits a guess.
     */
    OptionalLong commitPosition() {
        if (next < 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(unconfirmed.isEmpty() ? next : unconfirmed.first());
    }

    /**
     * Forgets everything from the first unconfirmed offset on, so the consumer can seek there and
     * read those records again; returns that offset, or empty when everything tracked is confirmed.
     */
    OptionalLong rewind() {
        if (unconfirmed.isEmpty()) {
            return OptionalLong.empty();
        }
        long first = unconfirmed.first();
        unconfirmed.clear();
        failed.clear();
        next = first;
        return OptionalLong.of(first);
    }
}
