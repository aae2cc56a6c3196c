package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private final JsonSerde<EnrichedArticle> serde = new JsonSerde<>(EnrichedArticle.class);

    @Test
    void anArticleSurvivesTheRoundTripWhole() {
        EnrichedArticle article = FullArticles.enriched();
        byte[] bytes = serde.serializer().serialize("t", article);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(article);
    }

    @Test
    void timestampsAreUtcWithMillisecondsAndNamesSnakeCase() {
        EnrichedArticle article = EnrichedArticle.builder().id("a1").source("wire").guid("g1").version(1).title("T")
                .body("B").ingestedAt(Instant.parse("2026-11-01T10:00:00Z")).wordCount(1).pubstatus(PubStatus.USABLE)
                .build();
        String json = new String(serde.serializer().serialize("t", article), StandardCharsets.UTF_8);
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
