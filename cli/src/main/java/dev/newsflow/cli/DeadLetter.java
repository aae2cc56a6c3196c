package dev.newsflow.cli;

import dev.newsflow.core.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record of the dead letter topic with the reason the pipeline gave it (the headers core's {@link DeadLetters} reads).
 * Key and value are the original bytes, which a replay sends back unchanged.
 *
 * @param partition     the dead letter's partition in the dead letter topic
 * @param offset        its offset there; partition and offset identify it
 * @param time          the dead letter's record timestamp
 * @param originalTopic where the record was read when it failed, or null when the header is missing
 */
public record DeadLetter(int partition, long offset, Instant time, String stage, String errorClass,
                        String errorMessage, String originalTopic, String originalPosition, byte[] key, byte[] value) {

    /** Reads either kind of dead letter: index-service's headers or Kafka Streams' (enrich-service), see {@link DeadLetters}. */
    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        var headers = record.headers();
        String originalPartition = DeadLetters.originalPartition(headers);
        String originalOffset = DeadLetters.originalOffset(headers);
        return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                orUnknown(DeadLetters.stage(headers)),
                DeadLetters.errorClass(headers),
                DeadLetters.errorMessage(headers),
                DeadLetters.originalTopic(headers),
                originalPartition == null ? null : originalPartition + "@" + originalOffset,
                record.key(), record.value());
    }

    /** How operators name a dead letter: partition@offset in the dead letter topic. */
    public String id() {
        return partition + "@" + offset;
    }

    /** The record key as text: the article id. */
    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** The error's simple class name and message, on one line. */
    public String reason() {
        String type = errorClass == null ? "unknown error" : errorClass.substring(errorClass.lastIndexOf('.') + 1);
        return errorMessage == null ? type : type + ": " + oneLine(errorMessage);
    }

    /** The start of the value on one line, for a glance at what failed. */
    public String preview(int maxChars) {
        if (value == null) {
            return "(no value)";
        }
        return Text.abbreviate(oneLine(new String(value, StandardCharsets.UTF_8)), maxChars);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String orUnknown(String stage) {
        return stage == null ? "unknown" : stage;
    }
}
