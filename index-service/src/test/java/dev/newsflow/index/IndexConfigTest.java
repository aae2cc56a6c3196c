package dev.newsflow.index;

import dev.newsflow.core.EsCredentials;
import dev.newsflow.core.EsTrust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexConfigTest {

    private static IndexConfig config(Map<String, String> env) {
        return IndexConfig.fromEnv(new Env(env));
    }

    @Test
    void hasLocalDefaults() {
        IndexConfig config = config(Map.of());

        assertThat(config.elasticsearch().nodes()).containsExactly(URI.create("http://127.0.0.1:9200"));
        assertThat(config.credentials()).isEqualTo(EsCredentials.NONE);
        assertThat(config.alias()).isEqualTo("news");
        assertThat(config.indexName()).isEqualTo("news-v1");
        assertThat(config.port()).isEqualTo(8083);
        assertThat(config.groupId()).isEqualTo("newsflow-index");
        assertThat(config.kafka().bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.bulk()).isEqualTo(BulkSettings.DEFAULTS);
        assertThat(config.backoff()).isEqualTo(Backoff.DEFAULTS);
        assertThat(config.trust()).isEqualTo(EsTrust.JVM_DEFAULT);
    }

    @Test
    void readsEverySetting() {
        IndexConfig config = config(Map.ofEntries(
                Map.entry("NEWSFLOW_ES_URL", "https://es1.example:9243,https://es2.example:9243"),
                Map.entry("NEWSFLOW_ES_API_KEY", "secret-key"),
                Map.entry("NEWSFLOW_INDEX_ALIAS", "it-news"),
                Map.entry("NEWSFLOW_INDEX_PORT", "0"),
                Map.entry("NEWSFLOW_INDEX_GROUP_ID", "g1"),
                Map.entry("NEWSFLOW_KAFKA_BOOTSTRAP", "kafka:19092"),
                Map.entry("NEWSFLOW_TOPIC_PREFIX", "t."),
                Map.entry("NEWSFLOW_INDEX_BULK_MAX_OPERATIONS", "100"),
                Map.entry("NEWSFLOW_INDEX_BULK_MAX_BYTES", "1MiB"),
                Map.entry("NEWSFLOW_INDEX_BULK_FLUSH_INTERVAL", "250ms"),
                Map.entry("NEWSFLOW_INDEX_BULK_CONCURRENCY", "3"),
                Map.entry("NEWSFLOW_INDEX_RETRY_INITIAL", "50ms"),
                Map.entry("NEWSFLOW_INDEX_RETRY_MAX", "2s")));

        assertThat(config.elasticsearch().nodes()).containsExactly(URI.create("https://es1.example:9243"),
                URI.create("https://es2.example:9243"));
        assertThat(config.credentials().authorization()).hasValue("ApiKey secret-key");
        assertThat(config.indexName()).isEqualTo("it-news-v1");
        assertThat(config.port()).isZero();
        assertThat(config.groupId()).isEqualTo("g1");
        assertThat(config.kafka().topics().enriched().name()).isEqualTo("t.news.articles.enriched");
        assertThat(config.bulk()).isEqualTo(new BulkSettings(100, 1024 * 1024, Duration.ofMillis(250), 3));
        assertThat(config.backoff()).isEqualTo(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2)));
    }

    @Test
    void basicCredentialsBecomeABasicHeaderAndNeverPrint() {
        IndexConfig config = config(Map.of("NEWSFLOW_ES_USERNAME", "elastic", "NEWSFLOW_ES_PASSWORD", "changeme"));

        assertThat(config.credentials().authorization()).hasValue("Basic ZWxhc3RpYzpjaGFuZ2VtZQ==");
        assertThat(config.toString()).contains("basic").doesNotContain("changeme");
    }

    @Test
    void namesTheVariableThatIsWrong() {
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_ES_URL", "127.0.0.1:9200")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_ES_URL");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_ES_USERNAME", "elastic")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_ES_PASSWORD");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_ES_API_KEY", "k", "NEWSFLOW_ES_USERNAME", "u",
                "NEWSFLOW_ES_PASSWORD", "p")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_ES_API_KEY");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_ES_URL", "https://es:9200", "NEWSFLOW_ES_CA_CERT", "/no/such/ca.crt")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_ES_CA_CERT");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INDEX_ALIAS", "News")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_INDEX_ALIAS");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INDEX_PORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_INDEX_PORT");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INDEX_BULK_MAX_OPERATIONS", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_INDEX_BULK_MAX_OPERATIONS");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INDEX_BULK_CONCURRENCY", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_INDEX_BULK_CONCURRENCY");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INDEX_BULK_FLUSH_INTERVAL", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_INDEX_BULK_FLUSH_INTERVAL");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_INDEX_RETRY_INITIAL", "5s", "NEWSFLOW_INDEX_RETRY_MAX", "1s")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_INDEX_RETRY_INITIAL");
    }

    @Test
    void deadLettersMayBeAsLargeAsTheTopicsAllow() {
        assertThat(IndexKafka.deadLetterProducer(config(Map.of())))
                .containsEntry("max.request.size", dev.newsflow.core.TopicInitializer.MAX_MESSAGE_BYTES);
    }

    @Test
    void aNamedInstanceIsAStaticMemberOfItsGroupButNotOfAReindexGroup() {
        IndexConfig config = config(Map.of("NEWSFLOW_INSTANCE_ID", "index-1"));

        assertThat(IndexKafka.consumer(config))
                .containsEntry("group.instance.id", "index-1")
                .containsEntry("partition.assignment.strategy",
                        org.apache.kafka.clients.consumer.CooperativeStickyAssignor.class.getName());
        // Two re-index runs may share the name of the instance they run beside: never fence each other.
        assertThat(IndexKafka.consumer(config, "newsflow-reindex-42")).doesNotContainKey("group.instance.id");
        assertThat(IndexKafka.consumer(config(Map.of()))).doesNotContainKey("group.instance.id");
    }

    @Test
    void searchLimitsAreReadAndAShortCursorKeyIsRefused() {
        IndexConfig config = config(Map.of("NEWSFLOW_SEARCH_MAX_CONCURRENT", "4", "NEWSFLOW_SEARCH_TIMEOUT", "2s"));
        assertThat(config.search().maxConcurrent()).isEqualTo(4);
        assertThat(config.search().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.toString()).doesNotContain("cursorKey");
        assertThatThrownBy(() -> config(Map.of("NEWSFLOW_SEARCH_CURSOR_KEY", "short")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_SEARCH_CURSOR_KEY");
    }
}
