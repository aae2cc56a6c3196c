package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {

    private static IngestConfig config(Map<String, String> values) {
        return IngestConfig.fromEnv(new Env(values));
    }

    @Test
    void defaultsApplyWhenOnlyKeysAreSet() {
        IngestConfig config = config(Map.of("NEWSFLOW_INGEST_KEYS", "reuters:k1"));

        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.maxBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(config.kafkaTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.kafka().bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.keys()).containsExactly(new ApiKey("reuters", "k1"));
    }

    @Test
    void readsEveryVariable() {
        IngestConfig config = config(Map.of(
                "NEWSFLOW_INGEST_KEYS", " reuters:k1 , ap:k2,reuters:k3,",
                "NEWSFLOW_INGEST_PORT", "0",
                "NEWSFLOW_INGEST_MAX_BYTES", "1MiB",
                "NEWSFLOW_INGEST_KAFKA_TIMEOUT", "500ms",
                "NEWSFLOW_KAFKA_BOOTSTRAP", "kafka:9093",
                "NEWSFLOW_TOPIC_PREFIX", "test."));

        assertThat(config.port()).isZero();
        assertThat(config.maxBytes()).isEqualTo(1024 * 1024);
        assertThat(config.kafkaTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.kafka().bootstrap()).isEqualTo("kafka:9093");
        assertThat(config.kafka().topics().raw().name()).isEqualTo("test.news.articles.raw");
        assertThat(config.keys()).containsExactly(
                new ApiKey("reuters", "k1"), new ApiKey("ap", "k2"), new ApiKey("reuters", "k3"));
    }

    @Test
    void theInflightBoundsDefaultToAShareOfTheHeapAndHalfTheProducerBuffer() {
        Env keysOnly = new Env(Map.of("NEWSFLOW_INGEST_KEYS", "reuters:k1"));

        IngestConfig large = IngestConfig.fromEnv(keysOnly, 1024L * 1024 * 1024);
        IngestConfig small = IngestConfig.fromEnv(keysOnly, 32L * 1024 * 1024);

        assertThat(large.maxInflightBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(small.maxInflightBytes()).as("never below one request of the largest size").isEqualTo(small.maxBytes());
        assertThat(large.maxInflightRequests()).isEqualTo(128);
        assertThat(large.kafkaBacklogBytes()).isEqualTo(16L * 1024 * 1024);
    }

    @Test
    void readsTheInflightBoundsAndRefusesOnesThatCouldNeverAdmitARequest() {
        IngestConfig config = config(Map.of("NEWSFLOW_INGEST_KEYS", "reuters:k1",
                "NEWSFLOW_INGEST_MAX_INFLIGHT_BYTES", "100MiB", "NEWSFLOW_INGEST_MAX_INFLIGHT_REQUESTS", "20"));

        assertThat(config.maxInflightBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(config.maxInflightRequests()).isEqualTo(20);
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INGEST_KEYS", "reuters:k1",
                "NEWSFLOW_INGEST_MAX_INFLIGHT_BYTES", "1MiB")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_INGEST_MAX_INFLIGHT_BYTES").hasMessageContaining("NEWSFLOW_INGEST_MAX_BYTES");
        for (String requests : new String[] {"0", "201", "many"}) {
            assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INGEST_KEYS", "reuters:k1",
                    "NEWSFLOW_INGEST_MAX_INFLIGHT_REQUESTS", requests)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("NEWSFLOW_INGEST_MAX_INFLIGHT_REQUESTS");
        }
    }

    @Test
    void aKeyMayContainColons() {
        assertThat(config(Map.of("NEWSFLOW_INGEST_KEYS", "afp:abc:def")).keys())
                .containsExactly(new ApiKey("afp", "abc:def"));
    }

    @Test
    void readsTheKeyFileSkippingCommentsAndBlankLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "# rotated 2024-05\nreuters:old\n\n  reuters:new  \nap:k\n");

        IngestConfig config = config(Map.of("NEWSFLOW_INGEST_KEYS_FILE", file.toString()));

        assertThat(config.keys()).containsExactly(
                new ApiKey("reuters", "old"), new ApiKey("reuters", "new"), new ApiKey("ap", "k"));
    }

    @Test
    void combinesTheListAndTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "ap:k2\n");

        IngestConfig config = config(Map.of("NEWSFLOW_INGEST_KEYS", "reuters:k1",
                "NEWSFLOW_INGEST_KEYS_FILE", file.toString()));

        assertThat(config.keys()).extracting(ApiKey::source).containsExactly("reuters", "ap");
    }

    @Test
    void failsWithoutAnyKeyNamingBothVariables() {
        assertThatThrownBy(() -> config(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_INGEST_KEYS")
                .hasMessageContaining("NEWSFLOW_INGEST_KEYS_FILE");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INGEST_KEYS", " , ")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void failsOnAMissingKeyFile(@TempDir Path dir) {
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INGEST_KEYS_FILE", dir.resolve("absent").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_INGEST_KEYS_FILE");
    }

    @Test
    void failsOnMalformedEntriesWithoutEchoingTheKey(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INGEST_KEYS", "secretwithoutsource")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_INGEST_KEYS")
                .hasMessageNotContaining("secretwithoutsource");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INGEST_KEYS", "reuters:")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INGEST_KEYS", "bad source:key")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad source");

        Path file = dir.resolve("keys");
        Files.writeString(file, "reuters:k1\nnocolon\n");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INGEST_KEYS_FILE", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_INGEST_KEYS_FILE line 2");
    }

    @Test
    void refusesOneKeyForTwoSources() {
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INGEST_KEYS", "reuters:same,ap:same")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("share a key");
    }

    @Test
    void failsOnMalformedNumbersNamingTheVariable() {
        Map<String, String> values = new HashMap<>(Map.of("NEWSFLOW_INGEST_KEYS", "reuters:k1"));
        values.put("NEWSFLOW_INGEST_PORT", "http");
        assertThatThrownBy(() -> config(values)).hasMessageContaining("NEWSFLOW_INGEST_PORT");

        values.put("NEWSFLOW_INGEST_PORT", "8081");
        values.put("NEWSFLOW_INGEST_MAX_BYTES", "0");
        assertThatThrownBy(() -> config(values)).hasMessageContaining("NEWSFLOW_INGEST_MAX_BYTES");

        values.put("NEWSFLOW_INGEST_MAX_BYTES", "1MiB");
        values.put("NEWSFLOW_INGEST_KAFKA_TIMEOUT", "soon");
        assertThatThrownBy(() -> config(values)).hasMessageContaining("NEWSFLOW_INGEST_KAFKA_TIMEOUT");
    }

    @Test
    void producerIsDurableAndBoundedByTheKafkaTimeout() {
        IngestConfig config = config(Map.of("NEWSFLOW_INGEST_KEYS", "reuters:k1",
                "NEWSFLOW_INGEST_KAFKA_TIMEOUT", "3s"));

        Map<String, Object> props = config.producerProperties();

        assertThat(props).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000L);
        int linger = (Integer) props.get(ProducerConfig.LINGER_MS_CONFIG);
        int request = (Integer) props.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        assertThat(linger + request).isLessThanOrEqualTo(3000);
    }

    @Test
    void keysNeverShowInToString() {
        IngestConfig config = config(Map.of("NEWSFLOW_INGEST_KEYS", "reuters:topsecret"));

        assertThat(config.toString()).contains("reuters").doesNotContain("topsecret");
    }
}
