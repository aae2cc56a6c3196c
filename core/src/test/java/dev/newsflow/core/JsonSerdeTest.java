package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private final JsonSerde<EnrichedArticle> serde = new JsonSerde<>(EnrichedArticle.class);

    @Test
    void anArticleSurvivesTheRoundTripWhole() {
        EnrichedArticle article = new EnrichedArticle("a1", "wire", "g1", 3, "https://example.test/a1", "Title", "Body",
                "By A. Writer", "en", new Dateline("Geneva", "GENEVA —"), Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-01T10:00:01.234Z"), Instant.parse("2026-11-01T10:00:02Z"), null,
                List.of("Ana Lima"), List.of("WHO"), List.of("Geneva"), List.of("health"), List.of("vaccine"),
                List.of("medtop:07000000"), 2, null, PubStatus.USABLE, 4);
        byte[] bytes = serde.serializer().serialize("t", article);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(article);
    }

    @Test
    void timestampsAreUtcWithMillisecondsAndNamesSnakeCase() {
        String json = new String(serde.serializer().serialize("t", new EnrichedArticle("a1", "wire", "g1", 1, null, "T",
                "B", null, null, null, null, Instant.parse("2026-11-01T10:00:00Z"), null, null, null, null, null, null,
                null, null, 1, null, PubStatus.USABLE, null)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"ingested_at\":\"2026-11-01T10:00:00.000Z\"").contains("\"word_count\":1")
                .contains("\"pubstatus\":\"usable\"").doesNotContain("published_at");
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void brokenJsonIsASerializationExceptionNamingTheType() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("EnrichedArticle");
    }
}
