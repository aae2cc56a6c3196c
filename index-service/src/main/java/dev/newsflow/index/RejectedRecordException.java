package dev.newsflow.index;

/**
 * Why a record could not be indexed (unreadable, without an id, refused by the mapping); its
 * class and message go into the dead letter headers.
 */
public class RejectedRecordException extends RuntimeException {

    public RejectedRecordException(String message) {
        super(message);
    }

    public RejectedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
