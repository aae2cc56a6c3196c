package dev.newsflow.core;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The headers a dead letter carries (DESIGN.md, Topics): why it failed and where it came from. */
public final class DeadLetters {

    public static final String STAGE = "newsflow.error.stage";
    public static final String ERROR_CLASS = "newsflow.error.class";
    public static final String ERROR_MESSAGE = "newsflow.error.message";
    public static final String ORIGINAL_TOPIC = "newsflow.original.topic";
    public static final String ORIGINAL_PARTITION = "newsflow.original.partition";
    public static final String ORIGINAL_OFFSET = "newsflow.original.offset";

    /** Long messages (stack-like validation errors) are cut so a header stays small. */
    private static final int MAX_MESSAGE_CHARS = 2000;

    private DeadLetters() {
    }

    public static Headers headers(String stage, Throwable error, String topic, int partition, long offset) {
        String message = String.valueOf(error.getMessage());
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + "…";
        }
        return new RecordHeaders()
                .add(STAGE, utf8(stage))
                .add(ERROR_CLASS, utf8(error.getClass().getName()))
                .add(ERROR_MESSAGE, utf8(message))
                .add(ORIGINAL_TOPIC, utf8(topic))
                .add(ORIGINAL_PARTITION, utf8(Integer.toString(partition)))
                .add(ORIGINAL_OFFSET, utf8(Long.toString(offset)));
    }

    /** The value of a header as text, or null when absent. */
    public static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
