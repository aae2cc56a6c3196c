package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.DeadLetters;
import dev.newsflow.core.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
