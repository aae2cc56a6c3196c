package dev.newsflow.cli;

import dev.newsflow.core.EsCredentials;
import dev.newsflow.core.EsTrust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliConfigTest {

    @Test
    void defaultsSuitTheLocalStack() {
        CliConfig config = CliConfig.fromEnv(new Env(Map.of()));

        assertThat(config.kafka().bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.elasticsearch().first()).isEqualTo(URI.create("http://127.0.0.1:9200"));
        assertThat(config.elasticsearchAuth()).isEqualTo(EsCredentials.NONE);
        assertThat(config.alias()).isEqualTo("news");
        assertThat(config.services()).containsExactly(
                Map.entry("ingest", List.of(URI.create("http://127.0.0.1:8081"))),
                Map.entry("enrich", List.of(URI.create("http://127.0.0.1:8082"))),
                Map.entry("index", List.of(URI.create("http://127.0.0.1:8083"))));
        assertThat(config.checkedServices()).containsExactly("ingest", "enrich", "index");
        assertThat(config.quietAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(config.enrichGroup()).isEqualTo("newsflow-enrich");
        assertThat(config.indexGroup()).isEqualTo("newsflow-index");
        assertThat(config.elasticsearchTrust()).isEqualTo(EsTrust.JVM_DEFAULT);
    }

    @Test
    void anUnreadableCaCertificateNamesTheVariable() {
        assertThatThrownBy(() -> CliConfig.fromEnv(new Env(Map.of(
                "NEWSFLOW_ES_URL", "https://es.example:9200", "NEWSFLOW_ES_CA_CERT", "/no/such/ca.crt"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_ES_CA_CERT");
    }

    @Test
    void readsTheServicesVariables() {
        CliConfig config = CliConfig.fromEnv(new Env(Map.of(
                "NEWSFLOW_TOPIC_PREFIX", "staging.",
                "NEWSFLOW_ES_URL", "https://es.example:9243/,https://es2.example:9243",
                "NEWSFLOW_ES_API_KEY", "c2VjcmV0",
                "NEWSFLOW_INDEX_URL", "http://index-1:8083,http://index-2:8083/",
                "NEWSFLOW_STATUS_SERVICES", "index, ingest",
                "NEWSFLOW_QUIET_AFTER", "30m",
                "NEWSFLOW_ENRICH_APP_ID", "enrich-b",
                "NEWSFLOW_INDEX_GROUP_ID", "index-b")));

        assertThat(config.kafka().topics().deadletter().name()).isEqualTo("staging.news.deadletter");
        assertThat(config.elasticsearch().first()).isEqualTo(URI.create("https://es.example:9243"));
        assertThat(config.elasticsearchAuth().authorization()).contains("ApiKey c2VjcmV0");
        assertThat(config.elasticsearchAuth().toString()).doesNotContain("c2VjcmV0");
        assertThat(config.services().get("index")).containsExactly(URI.create("http://index-1:8083"),
                URI.create("http://index-2:8083"));
        assertThat(config.elasticsearch().nodes()).hasSize(2);
        assertThat(config.checkedServices()).containsExactly("index", "ingest");
        assertThat(config.quietAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.enrichGroup()).isEqualTo("enrich-b");
        assertThat(config.indexGroup()).isEqualTo("index-b");
    }

    @Test
    void aBadEntryInAnInstanceListIsNamed() {
        assertThatThrownBy(() -> CliConfig.fromEnv(new Env(Map.of("NEWSFLOW_INGEST_URL", "http://i1:8081,i2:8081"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_INGEST_URL (entry 2 of 2)");
    }

    @Test
    void basicCredentialsBecomeAnAuthorizationHeader() {
        CliConfig config = CliConfig.fromEnv(new Env(Map.of("NEWSFLOW_ES_USERNAME", "elastic", "NEWSFLOW_ES_PASSWORD", "pw")));

        assertThat(config.elasticsearchAuth().authorization()).contains("Basic ZWxhc3RpYzpwdw==");
    }

    @Test
    void namesTheVariableThatIsWrong() {
        assertThatThrownBy(() -> CliConfig.fromEnv(new Env(Map.of("NEWSFLOW_STATUS_SERVICES", "ingest,search"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_STATUS_SERVICES").hasMessageContaining("search");
        assertThatThrownBy(() -> CliConfig.fromEnv(new Env(Map.of("NEWSFLOW_ES_URL", "es:9200"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_ES_URL");
        assertThatThrownBy(() -> CliConfig.fromEnv(new Env(Map.of("NEWSFLOW_ES_USERNAME", "elastic"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_ES_PASSWORD");
        assertThatThrownBy(() -> CliConfig.fromEnv(new Env(Map.of("NEWSFLOW_QUIET_AFTER", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_QUIET_AFTER");
    }

    @Test
    void noneChecksNoService() {
        assertThat(CliConfig.serviceNames("none", "--services")).isEmpty();
    }
}
