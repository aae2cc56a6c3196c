package dev.newsflow.index;

import dev.newsflow.core.DeadLetters;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records the index cannot hold to the dead letter topic with their original key and value
 * bytes and the reason. The record counts as done only once Kafka acknowledged the dead letter.
 */
final class DeadLetterWriter {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterWriter.class);
    static final String STAGE = "index";
    /** Elasticsearch quotes the refused value in its reason; a log line needs only the start. */
    private static final int MAX_LOGGED_CHARS = 300;

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    DeadLetterWriter(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    void send(PendingWrite write, Exception reason, Consumer<WriteOutcome> outcomes) {
        ConsumerRecord<byte[], byte[]> original = write.record();
        log.warn("dead-lettering {}-{}@{}: {}", original.topic(), original.partition(), original.offset(),
                abbreviate(String.valueOf(reason.getMessage())));
        var letter = new ProducerRecord<>(topic, null, original.key(), original.value(),
                DeadLetters.headers(STAGE, reason, original.topic(), original.partition(), original.offset()));
        try {
            producer.send(letter, (metadata, error) -> outcomes.accept(error == null
                    ? new WriteOutcome.Confirmed(write, WriteOutcome.Kind.DEAD_LETTERED)
                    : new WriteOutcome.Failed(write, "dead letter not written: " + error)));
        } catch (RuntimeException e) {
            // send() itself throws for a closed producer or oversized record: retried like any failed write.
            outcomes.accept(new WriteOutcome.Failed(write, "dead letter not written: " + e));
        }
    }

    private static String abbreviate(String message) {
        return message.length() <= MAX_LOGGED_CHARS ? message : message.substring(0, MAX_LOGGED_CHARS) + "…";
    }
}
