package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.security.scram.ScramLoginModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSecurityTest {

    @Test
    void plaintextByDefaultAddsOnlyTheProtocol() {
        KafkaSettings kafka = KafkaSettings.fromEnv(new Env(Map.of()));
        assertThat(kafka.security()).isEqualTo(KafkaSecurity.PLAINTEXT);
        assertThat(kafka.clientProperties(Map.of("client.id", "x")))
                .containsOnly(Map.entry("client.id", "x"), Map.entry("bootstrap.servers", "127.0.0.1:9092"),
                        Map.entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void saslDefaultsToScramSha512AndBuildsTheJaasLine() {
        KafkaSecurity security = KafkaSecurity.fromEnv(env("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "sasl_plaintext",
                "NEWSFLOW_KAFKA_USERNAME", "newsflow-ingest", "NEWSFLOW_KAFKA_PASSWORD", "s3cret"));
        assertThat(security.properties())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", ScramLoginModule.class.getName()
                        + " required username=\"newsflow-ingest\" password=\"s3cret\";");
    }

    @Test
    void aPasswordWithQuotesBackslashesAndSpacesReachesTheLoginModuleUnchanged() {
        String password = " a\"b\\c;d=e} \\\" ";
        KafkaSecurity security = KafkaSecurity.fromEnv(env("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "NEWSFLOW_KAFKA_USERNAME", "we\"ird", "NEWSFLOW_KAFKA_PASSWORD", password));
        // Parsed the way the Kafka client parses it.
        JaasContext context = JaasContext.loadClientContext(Map.of("sasl.jaas.config",
                new Password((String) security.properties().get("sasl.jaas.config"))));
        AppConfigurationEntry entry = context.configurationEntries().get(0);
        assertThat(entry.getLoginModuleName()).isEqualTo(ScramLoginModule.class.getName());
        assertThat(entry.getOptions().get("username")).isEqualTo("we\"ird");
        assertThat(entry.getOptions().get("password")).isEqualTo(password);
    }

    @Test
    void toStringNeverShowsThePassword() {
        KafkaSettings kafka = KafkaSettings.fromEnv(env("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "NEWSFLOW_KAFKA_USERNAME", "newsflow-index", "NEWSFLOW_KAFKA_PASSWORD", "hunter2-very-secret"));
        assertThat(kafka.toString()).contains("newsflow-index").contains("SCRAM-SHA-512").doesNotContain("hunter2");
    }

    @Test
    void sslTakesATruststore(@TempDir Path dir) throws Exception {
        Path store = Files.write(dir.resolve("ca.p12"), new byte[] {1});
        KafkaSecurity security = KafkaSecurity.fromEnv(env("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "NEWSFLOW_KAFKA_SASL_MECHANISM", "SCRAM-SHA-256", "NEWSFLOW_KAFKA_USERNAME", "u",
                "NEWSFLOW_KAFKA_PASSWORD", "p", "NEWSFLOW_KAFKA_TRUSTSTORE", store.toString(),
                "NEWSFLOW_KAFKA_TRUSTSTORE_PASSWORD", "changeit"));
        assertThat(security.properties())
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("ssl.truststore.location", store.toString())
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", "changeit");
        assertThat(security.toString()).doesNotContain("changeit");
    }

    @Test
    void aHalfDoneConfigurationFailsNamingTheVariable(@TempDir Path dir) {
        assertThatThrownBy(() -> KafkaSecurity.fromEnv(env("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "TLS")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("NEWSFLOW_KAFKA_SECURITY_PROTOCOL must be one of PLAINTEXT, SASL_PLAINTEXT, SASL_SSL, SSL, got \"TLS\"");
        assertThatThrownBy(() -> KafkaSecurity.fromEnv(env("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "NEWSFLOW_KAFKA_PASSWORD", "p")))
                .hasMessage("NEWSFLOW_KAFKA_USERNAME must be set when NEWSFLOW_KAFKA_SECURITY_PROTOCOL is SASL_PLAINTEXT");
        assertThatThrownBy(() -> KafkaSecurity.fromEnv(env("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "NEWSFLOW_KAFKA_USERNAME", "u")))
                .hasMessageStartingWith("NEWSFLOW_KAFKA_PASSWORD must be set");
        assertThatThrownBy(() -> KafkaSecurity.fromEnv(env("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "NEWSFLOW_KAFKA_USERNAME", "u", "NEWSFLOW_KAFKA_PASSWORD", "p", "NEWSFLOW_KAFKA_SASL_MECHANISM", "PLAIN")))
                .hasMessageStartingWith("NEWSFLOW_KAFKA_SASL_MECHANISM must be one of SCRAM-SHA-512, SCRAM-SHA-256");
        assertThatThrownBy(() -> KafkaSecurity.fromEnv(env("NEWSFLOW_KAFKA_USERNAME", "u", "NEWSFLOW_KAFKA_PASSWORD", "p")))
                .hasMessage("NEWSFLOW_KAFKA_USERNAME is set but NEWSFLOW_KAFKA_SECURITY_PROTOCOL is PLAINTEXT; "
                        + "it applies to SASL_PLAINTEXT or SASL_SSL only");
        assertThatThrownBy(() -> KafkaSecurity.fromEnv(env("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SSL",
                "NEWSFLOW_KAFKA_TRUSTSTORE", dir.resolve("missing.p12").toString())))
                .hasMessageContaining("not a readable file");
        assertThatThrownBy(() -> KafkaSecurity.fromEnv(env("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "NEWSFLOW_KAFKA_USERNAME", "u", "NEWSFLOW_KAFKA_PASSWORD", "line\nbreak")))
                .hasMessage("NEWSFLOW_KAFKA_PASSWORD must not contain a line break");
    }

    private static Env env(String... pairs) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new Env(values);
    }
}
