package dev.newsflow.stack;

/**
 * The stack, a service or a tool started as a child process could not start or finish; the message names
 * the cause and, where there is one, the log to read.
 */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
