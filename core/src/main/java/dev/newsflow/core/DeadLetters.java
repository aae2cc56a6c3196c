package dev.newsflow.core;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers a dead letter carries (DESIGN.md, Topics): why it failed and where it came from.
 *
 * <p>Two stages write dead letters in two ways. index-service, a plain consumer, writes all of ours
 * ({@link #headers}). enrich-service leaves its dead letters to Kafka Streams' own dead letter queue
 * (KIP-1034), which writes the error and the origin as {@code __streams.errors.*} headers, and adds
 * only {@link #STAGE}. The readers here take whichever of the two a dead letter has, so tools need
 * not know which stage wrote it.
 */
public final class DeadLetters {

    public static final String STAGE = "newsflow.error.stage";
    public static final String ERROR_CLASS = "newsflow.error.class";
    public static final String ERROR_MESSAGE = "newsflow.error.message";
    public static final String ORIGINAL_TOPIC = "newsflow.original.topic";
    public static final String ORIGINAL_PARTITION = "newsflow.original.partition";
    public static final String ORIGINAL_OFFSET = "newsflow.original.offset";

    // Kafka Streams' names (KIP-1034). Its own constants live in an internal package
    // (org.apache.kafka.streams.errors.internals), and core does not depend on Kafka Streams.
    public static final String STREAMS_EXCEPTION = "__streams.errors.exception";
    public static final String STREAMS_MESSAGE = "__streams.errors.message";
    public static final String STREAMS_STACKTRACE = "__streams.errors.stacktrace";
    public static final String STREAMS_TOPIC = "__streams.errors.topic";
    public static final String STREAMS_PARTITION = "__streams.errors.partition";
    public static final String STREAMS_OFFSET = "__streams.errors.offset";

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
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The stage that gave up on the record ("enrich", "index"), or null. */
    public static String stage(Headers headers) {
        return header(headers, STAGE);
    }

    /** The fully qualified class of the error, or null. */
    public static String errorClass(Headers headers) {
        return either(headers, ERROR_CLASS, STREAMS_EXCEPTION);
    }

    /** The error's message, or null. */
    public static String errorMessage(Headers headers) {
        return either(headers, ERROR_MESSAGE, STREAMS_MESSAGE);
    }

    /** The topic the record was read from when it failed, or null. */
    public static String originalTopic(Headers headers) {
        return either(headers, ORIGINAL_TOPIC, STREAMS_TOPIC);
    }

    /** Its partition there, as written, or null. */
    public static String originalPartition(Headers headers) {
        return either(headers, ORIGINAL_PARTITION, STREAMS_PARTITION);
    }

    /** Its offset there, as written, or null. */
    public static String originalOffset(Headers headers) {
        return either(headers, ORIGINAL_OFFSET, STREAMS_OFFSET);
    }

    private static String either(Headers headers, String ours, String streams) {
        String value = header(headers, ours);
        return value != null ? value : header(headers, streams);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
