package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EsTrustTest {

    @TempDir
    Path dir;

    @Test
    void withoutACaTheJvmTrustStoreServes() {
        EsTrust trust = EsTrust.fromEnv(new Env(Map.of()));

        assertThat(trust).isEqualTo(EsTrust.JVM_DEFAULT);
        assertThat(trust.sslContext()).isEmpty();
    }

    @Test
    void readsThePemCaAndBuildsAContextTrustingIt() throws URISyntaxException {
        Path ca = testCa();

        EsTrust trust = EsTrust.fromEnv(new Env(Map.of("NEWSFLOW_ES_CA_CERT", ca.toString())));

        assertThat(trust.caCertificate()).hasValue(ca);
        assertThat(trust.authorities()).singleElement()
                .satisfies(cert -> assertThat(cert.getBasicConstraints()).as("a CA certificate").isNotNegative());
        assertThat(trust.sslContext()).isPresent();
        assertThat(trust.toString()).contains(ca.toString());
    }

    @Test
    void aMissingFileNamesTheVariable() {
        Path missing = dir.resolve("nope.crt");

        assertThatThrownBy(() -> EsTrust.fromEnv(new Env(Map.of("NEWSFLOW_ES_CA_CERT", missing.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_ES_CA_CERT")
                .hasMessageContaining("not a readable file");
    }

    @Test
    void aFileWithoutACertificateIsRefused() throws IOException {
        Path key = Files.writeString(dir.resolve("ca.key"),
                "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n");
        Path empty = Files.writeString(dir.resolve("empty.crt"), "");

        assertThatThrownBy(() -> EsTrust.fromEnv(new Env(Map.of("NEWSFLOW_ES_CA_CERT", key.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_ES_CA_CERT names " + key);
        assertThatThrownBy(() -> EsTrust.fromEnv(new Env(Map.of("NEWSFLOW_ES_CA_CERT", empty.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_ES_CA_CERT names " + empty);
    }

    @Test
    void aCaIsForHttpsUrlsOnly() throws URISyntaxException {
        Env env = new Env(Map.of("NEWSFLOW_ES_CA_CERT", testCa().toString()));

        assertThat(EsTrust.fromEnv(env, URI.create("https://es.example:9200")).authorities()).hasSize(1);
        assertThatThrownBy(() -> EsTrust.fromEnv(env, URI.create("http://es.example:9200")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_ES_URL must be an https URL");
        assertThat(EsTrust.fromEnv(new Env(Map.of()), URI.create("https://es.example:9200"))).isEqualTo(EsTrust.JVM_DEFAULT);
    }

    @Test
    void tellsACertificateRefusalFromAFailureThatMayPass() {
        var refused = new IOException("handshake", new SSLHandshakeException("PKIX path building failed"));
        refused.getCause().initCause(new CertificateException("unable to find valid certification path"));
        var starting = new ConnectException("Connection refused");

        assertThat(EsTrust.isCertificateRefusal(refused)).isTrue();
        assertThat(EsTrust.isCertificateRefusal(starting)).isFalse();
        assertThat(EsTrust.refusalAdvice(refused))
                .contains("unable to find valid certification path")
                .contains("NEWSFLOW_ES_CA_CERT");
    }

    private static Path testCa() throws URISyntaxException {
        // Made with bin/elasticsearch-certutil ca --pem; only the certificate, never the key, is kept.
        return Path.of(EsTrustTest.class.getResource("/tls/test-ca.crt").toURI());
    }
}
