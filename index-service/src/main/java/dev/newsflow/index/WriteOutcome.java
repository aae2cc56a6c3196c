package dev.newsflow.index;

/**
 * What became of one {@link PendingWrite}. Produced on the bulk ingester's and the producer's threads,
 * handed to the poll thread through a queue, so only the poll thread touches offsets and the consumer.
 */
sealed interface WriteOutcome {

    PendingWrite write();

    /** Durable: in Elasticsearch, superseded by a newer version there, or in the dead letter topic. */
    record Confirmed(PendingWrite write, Kind kind) implements WriteOutcome {
    }

    /** Not done, through no fault of the record (Elasticsearch down, overloaded, read-only): do it again. */
    record Failed(PendingWrite write, String reason) implements WriteOutcome {
    }

    /** The record itself cannot be indexed; it belongs in the dead letter topic. */
    record Rejected(PendingWrite write, Exception reason) implements WriteOutcome {
    }

    /** How a confirmed write ended. */
    enum Kind { INDEXED, DELETED, VERSION_CONFLICT, DEAD_LETTERED }
}
