package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.DeadLetters;
import dev.newsflow.core.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    static DeadLetter letter(String stage, String key) {
        var headers = DeadLetters.headers(stage, new IllegalStateException("mapping\n  rejected it"),
                "news.articles.enriched", 4, 99);
        return DeadLetter.of(new ConsumerRecord<>("news.deadletter", 1, 7, 1_700_000_000_000L, TimestampType.CREATE_TIME,
                3, 20, key.getBytes(StandardCharsets.UTF_8),
                "{\"title\":\"A  long\\ntitle\",\"body\":\"0123456789\"}".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(headers.toArray()), Optional.empty()));
    }

    @Test
    void readsTheHeadersCoreWrites() {
        DeadLetter letter = letter("index", "abc");

        assertThat(letter.id()).isEqualTo("1@7");
        assertThat(letter.time()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(letter.stage()).isEqualTo("index");
        assertThat(letter.keyText()).isEqualTo("abc");
        assertThat(letter.errorClass()).isEqualTo("java.lang.IllegalStateException");
        assertThat(letter.originalTopic()).isEqualTo("news.articles.enriched");
        assertThat(letter.originalPosition()).isEqualTo("4@99");
        assertThat(letter.reason()).isEqualTo("IllegalStateException: mapping rejected it");
    }

    /**
     * The headers Kafka Streams' dead letter queue (KIP-1034) writes for enrich-service, which adds only the stage;
     * the record's own headers come first, as Kafka Streams copies them.
     */
    static Headers kafkaStreamsHeaders(String stage, Exception error, String topic, int partition, long offset) {
        return new RecordHeaders()
                .add("trace", utf8("t-1"))
                .add(DeadLetters.STREAMS_EXCEPTION, utf8(error.getClass().getName()))
                .add(DeadLetters.STREAMS_MESSAGE, utf8(error.getMessage()))
                .add(DeadLetters.STREAMS_STACKTRACE, utf8(error.getClass().getName() + ": " + error.getMessage() + "\n\tat X.y(X.java:1)"))
                .add(DeadLetters.STREAMS_TOPIC, utf8(topic))
                .add(DeadLetters.STREAMS_PARTITION, utf8(Integer.toString(partition)))
                .add(DeadLetters.STREAMS_OFFSET, utf8(Long.toString(offset)))
                .add(DeadLetters.STAGE, utf8(stage));
    }

    @Test
    void readsTheHeadersKafkaStreamsWritesForEnrich() {
        var headers = kafkaStreamsHeaders("enrich", new SerializationException("not a valid RawArticle JSON: Unexpected end"),
                "news.articles.raw", 2, 41);
        DeadLetter letter = DeadLetter.of(new ConsumerRecord<>("news.deadletter", 3, 8, 1_700_000_000_000L,
                TimestampType.CREATE_TIME, 2, 9, utf8("a1"), utf8("{\"guid\": \"cut"), headers, Optional.empty()));

        assertThat(letter.stage()).isEqualTo("enrich");
        assertThat(letter.errorClass()).isEqualTo(SerializationException.class.getName());
        assertThat(letter.reason()).isEqualTo("SerializationException: not a valid RawArticle JSON: Unexpected end");
        assertThat(letter.originalTopic()).isEqualTo("news.articles.raw");
        assertThat(letter.originalPosition()).isEqualTo("2@41");
        assertThat(letter.preview(100)).isEqualTo("{\"guid\": \"cut");
    }

    @Test
    void anErrorWithoutMessageReadsAsItsClass() {
        var headers = new RecordHeaders()
                .add(DeadLetters.STREAMS_EXCEPTION, utf8(NullPointerException.class.getName()))
                .add(DeadLetters.STREAMS_MESSAGE, null)
                .add(DeadLetters.STAGE, utf8("enrich"));
        DeadLetter letter = DeadLetter.of(new ConsumerRecord<>("news.deadletter", 0, 0, 0L, TimestampType.CREATE_TIME,
                1, 1, utf8("k"), utf8("v"), headers, Optional.empty()));

        assertThat(letter.reason()).isEqualTo("NullPointerException");
        assertThat(letter.originalPosition()).isNull();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void previewIsOneShortLine() {
        DeadLetter letter = letter("index", "abc");

        assertThat(letter.preview(1000)).isEqualTo("{\"title\":\"A long\\ntitle\",\"body\":\"0123456789\"}");
        assertThat(letter.preview(12)).isEqualTo("{\"title\":\"A…").hasSize(12);
    }

    @Test
    void withoutHeadersTheStageIsUnknown() {
        DeadLetter letter = DeadLetter.of(new ConsumerRecord<>("news.deadletter", 0, 0, "k".getBytes(StandardCharsets.UTF_8),
                null));

        assertThat(letter.stage()).isEqualTo("unknown");
        assertThat(letter.reason()).isEqualTo("unknown error");
        assertThat(letter.preview(10)).isEqualTo("(no value)");
        assertThat(letter.originalPosition()).isNull();
    }

    @Test
    void eachStageGoesBackToTheTopicItReads() {
        Topics topics = Topics.withPrefix("p.");

        assertThat(DeadLetterReplayer.inputTopic(topics, "enrich")).contains("p.news.articles.raw");
        assertThat(DeadLetterReplayer.inputTopic(topics, "index")).contains("p.news.articles.enriched");
        assertThat(DeadLetterReplayer.inputTopic(topics, "ingest")).isEmpty();
    }
}
