package dev.newsflow.ingest;

import org.apache.kafka.common.errors.RecordTooLargeException;

/** Kafka did not acknowledge every record of a request in time, or refused one. */
public class PublishException extends Exception {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when Kafka refused a record for its size: retrying the same request cannot succeed. */
    public boolean tooLarge() {
        return getCause() instanceof RecordTooLargeException;
    }
}
