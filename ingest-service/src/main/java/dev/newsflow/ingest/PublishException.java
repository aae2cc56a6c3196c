package dev.newsflow.ingest;

import org.apache.kafka.common.errors.RecordTooLargeException;

/** Kafka did not acknowledge every record of a request in time, or refused one, or could take no more. */
public class PublishException extends Exception {

    private final boolean backlogFull;

    public PublishException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private PublishException(String message, Throwable cause, boolean backlogFull) {
        super(message, cause);
        this.backlogFull = backlogFull;
    }

    /** Nothing was sent: too many records already wait for Kafka's acknowledgement. */
    static PublishException backlogFull(long waitingBytes) {
        return new PublishException("Kafka is not keeping up: about " + waitingBytes
                + " bytes of records are still waiting for its acknowledgement", null, true);
    }

    /** True when Kafka refused a record for its size: retrying the same request cannot succeed. */
    public boolean tooLarge() {
        return getCause() instanceof RecordTooLargeException;
    }

    /** True when the request was turned away before anything was sent, because Kafka is behind. */
    public boolean backlogFull() {
        return backlogFull;
    }
}
