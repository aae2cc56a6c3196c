package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.DeadLetters;
import dev.newsflow.core.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** The two handlers alone, with the situations a topology test cannot stage: which failures they refuse to drop. */
class EnrichDeadLettersTest {

    private static final byte[] RAW_KEY = "a1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RAW_VALUE = "{\"guid\":\"g1\"}".getBytes(StandardCharsets.UTF_8);

    private final Topics topics = Topics.withPrefix("t.");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theEnrichStepsFailureBecomesKafkaStreamsDeadLetterWithTheStage() {
        ProcessingFailureHandler handler = configured(new ProcessingFailureHandler(), EnrichDeadLetters.streamsConfig(topics, registry));

        var response = handler.handleError(context(EnrichTopology.PROCESSOR), record(), new EnrichmentException("no text to enrich"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo(topics.deadletter().name());
            assertThat(letter.key()).isEqualTo(RAW_KEY);
            assertThat(letter.value()).isEqualTo(RAW_VALUE);
            assertThat(letter.timestamp()).isEqualTo(1_700_000_000_000L);
            assertReason(letter, EnrichmentException.class, "no text to enrich");
        });
        assertThat(count("EnrichmentException")).isEqualTo(1.0);
    }

    @Test
    void anUnreadableRecordBecomesKafkaStreamsDeadLetterWithTheStage() {
        UnreadableRecordHandler handler = configured(new UnreadableRecordHandler(), EnrichDeadLetters.streamsConfig(topics, registry));

        var response = handler.handleError(context(EnrichTopology.SOURCE),
                new ConsumerRecord<>("t.news.articles.raw", 3, 42, RAW_KEY, RAW_VALUE),
                new SerializationException("not a valid RawArticle JSON"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement()
                .satisfies(letter -> assertReason(letter, SerializationException.class, "not a valid RawArticle JSON"));
        assertThat(count("SerializationException")).isEqualTo(1.0);
    }

    @Test
    void failuresThatAreNotTheRecordsFailTheTaskInsteadOfDroppingIt() {
        ProcessingFailureHandler handler = configured(new ProcessingFailureHandler(), EnrichDeadLetters.streamsConfig(topics, registry));

        var dedup = handler.handleError(context(EnrichTopology.RESOLVER), record(), new IllegalStateException("store closed"));
        var kafka = handler.handleError(context(EnrichTopology.PROCESSOR), record(),
                new StreamsException("Error encountered sending record to topic t-dedup-repartition"));

        assertThat(dedup.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(dedup.deadLetterQueueRecords()).isEmpty();
        assertThat(kafka.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(kafka.deadLetterQueueRecords()).isEmpty();
        assertThat(registry.find("newsflow.enrich.deadletters").counter()).isNull();
    }

    @Test
    void withoutADeadLetterTopicNothingIsDropped() {
        Map<String, Object> config = new HashMap<>(EnrichDeadLetters.streamsConfig(topics, registry));
        config.remove(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);

        var processing = configured(new ProcessingFailureHandler(), config)
                .handleError(context(EnrichTopology.PROCESSOR), record(), new EnrichmentException("no text"));
        var unreadable = configured(new UnreadableRecordHandler(), config)
                .handleError(context(EnrichTopology.SOURCE), new ConsumerRecord<>("t.news.articles.raw", 3, 42, RAW_KEY, RAW_VALUE),
                        new SerializationException("not JSON"));

        assertThat(processing.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(unreadable.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
    }

    @Test
    void aHandlerWithoutTheMetersRefusesToStart() {
        Map<String, Object> config = new HashMap<>(EnrichDeadLetters.streamsConfig(topics, registry));
        config.remove(EnrichDeadLetters.METERS_CONFIG);

        assertThatThrownBy(() -> new ProcessingFailureHandler().configure(config))
                .isInstanceOf(ConfigException.class).hasMessageContaining(EnrichDeadLetters.METERS_CONFIG);
        assertThatThrownBy(() -> new UnreadableRecordHandler().configure(config))
                .isInstanceOf(ConfigException.class).hasMessageContaining(EnrichDeadLetters.METERS_CONFIG);
    }

    private static void assertReason(ProducerRecord<byte[], byte[]> letter, Class<? extends Exception> error, String message) {
        Headers headers = letter.headers();
        assertThat(DeadLetters.stage(headers)).isEqualTo("enrich");
        assertThat(DeadLetters.errorClass(headers)).isEqualTo(error.getName());
        assertThat(DeadLetters.errorMessage(headers)).isEqualTo(message);
        assertThat(DeadLetters.originalTopic(headers)).isEqualTo("t.news.articles.raw");
        assertThat(DeadLetters.originalPartition(headers)).isEqualTo("3");
        assertThat(DeadLetters.originalOffset(headers)).isEqualTo("42");
        assertThat(DeadLetters.header(headers, "trace")).as("the record's own header").isEqualTo("t1");
    }

    private double count(String error) {
        return registry.get("newsflow.enrich.deadletters").tag("error", error).counter().count();
    }

    private static <H extends Configurable> H configured(H handler, Map<String, Object> config) {
        handler.configure(config);
        return handler;
    }

    private static Record<String, String> record() {
        return new Record<>("a1", "{\"guid\":\"g1\"}", 1_700_000_000_000L);
    }

    private static ErrorHandlerContext context(String node) {
        return new StubContext(node);
    }

    /** What Kafka Streams tells a handler about a record read at t.news.articles.raw-3@42. */
    private record StubContext(String processorNodeId) implements ErrorHandlerContext {

        @Override
        public String topic() {
            return "t.news.articles.raw";
        }

        @Override
        public int partition() {
            return 3;
        }

        @Override
        public long offset() {
            return 42;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders().add("trace", "t1".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 3);
        }

        @Override
        public long timestamp() {
            return 1_700_000_000_000L;
        }

        @Override
        public byte[] sourceRawKey() {
            return RAW_KEY;
        }

        @Override
        public byte[] sourceRawValue() {
            return RAW_VALUE;
        }
    }
}
