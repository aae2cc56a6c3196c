package dev.newsflow.enrich;

import dev.newsflow.core.DeadLetters;
import dev.newsflow.core.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How enrich's dead letters are written: by Kafka Streams' own dead letter queue (KIP-1034). Its
 * built-in handlers build each dead letter from the record as it was read (the original key and value
 * bytes, timestamp and headers) with the error and the record's origin in {@code __streams.errors.*}
 * headers, and send it with the task's producer, inside the exactly-once transaction that commits the
 * record's offset. Our handlers, {@link UnreadableRecordHandler} and {@link ProcessingFailureHandler},
 * let them, then add what only Newsflow knows: the stage ({@link DeadLetters#STAGE}), which the
 * {@code dlq} commands use to filter and to pick the topic a replay goes back to, and the
 * {@code newsflow.enrich.deadletters} counter.
 */
final class EnrichDeadLetters {

    static final String STAGE = "enrich";
    /**
     * The Kafka Streams property that hands the handlers the stream's meters: Kafka Streams creates the
     * handlers itself, from their class names, and passes them its properties, objects included.
     */
    static final String METERS_CONFIG = "newsflow.enrich.meters";

    private EnrichDeadLetters() {
    }

    /** The Kafka Streams properties that send this stream's failed records to the dead letter topic. */
    static Map<String, Object> streamsConfig(Topics topics, MeterRegistry registry) {
        return Map.of(
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadletter().name(),
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UnreadableRecordHandler.class,
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, ProcessingFailureHandler.class,
                // The topology has no global store; this takes the behaviour Kafka Streams 5.0 makes the default
                // (the handler would fail such a processor's errors, as it fails all but the enrich step's) and
                // quiets the warning 4.4 logs for a configuration without it. StreamsBuilder's own default
                // configuration still logs it once while the topology is built.
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true,
                METERS_CONFIG, new EnrichMeters(registry));
    }

    /** The meters a handler was configured with; a handler without them would lose count, so it fails to start. */
    static EnrichMeters meters(Map<String, ?> configs) {
        if (configs.get(METERS_CONFIG) instanceof EnrichMeters meters) {
            return meters;
        }
        throw new ConfigException(METERS_CONFIG, configs.get(METERS_CONFIG),
                "the enrich stream's error handlers need its EnrichMeters; see EnrichDeadLetters.streamsConfig");
    }

    /**
     * Marks the dead letters Kafka Streams built for one failed record with the stage, and counts them.
     *
     * @return false when it built none, which happens only without a dead letter topic configured: the
     *         caller must then fail rather than drop the record
     */
    static boolean mark(List<ProducerRecord<byte[], byte[]>> deadLetters, Exception error, EnrichMeters meters) {
        if (deadLetters.isEmpty()) {
            return false;
        }
        for (ProducerRecord<byte[], byte[]> letter : deadLetters) {
            letter.headers().add(DeadLetters.STAGE, STAGE.getBytes(StandardCharsets.UTF_8));
        }
        meters.deadLetter(error);
        return true;
    }
}
