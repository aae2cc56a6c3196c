package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    void readsTypedValuesWithDefaults() {
        Env env = new Env(Map.of("A_SIZE", "5MiB", "A_WAIT", "250ms", "A_PORT", "8081", "BLANK", " "));
        assertThat(env.bytes("A_SIZE", 1)).isEqualTo(5L * 1024 * 1024);
        assertThat(env.duration("A_WAIT", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
        assertThat(env.duration("UNSET", Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(env.port("A_PORT", 1)).isEqualTo(8081);
        assertThat(env.string("BLANK", "fallback")).isEqualTo("fallback");
    }

    @Test
    void aMalformedValueNamesTheVariable() {
        Env env = new Env(Map.of("N", "many", "P", "70000", "D", "soon"));
        assertThatThrownBy(() -> env.integer("N", 1)).isInstanceOf(ConfigException.class).hasMessageContaining("N ");
        assertThatThrownBy(() -> env.port("P", 1)).hasMessageContaining("P must be a port");
        assertThatThrownBy(() -> env.duration("D", Duration.ZERO)).hasMessageContaining("D must be a duration");
        assertThatThrownBy(() -> env.required("MISSING")).hasMessage("MISSING must be set");
    }

    @Test
    void kafkaSettingsRefuseZeroPartitions() {
        assertThatThrownBy(() -> KafkaSettings.fromEnv(new Env(Map.of("NEWSFLOW_TOPIC_PARTITIONS", "0"))))
                .hasMessageContaining("NEWSFLOW_TOPIC_PARTITIONS");
        assertThat(KafkaSettings.fromEnv(new Env(Map.of())).topics().raw().name()).isEqualTo("news.articles.raw");
    }
}
