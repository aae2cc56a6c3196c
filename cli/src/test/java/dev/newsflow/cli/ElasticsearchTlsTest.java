package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.newsflow.core.Env;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./newsflow status} against an https endpoint answering like Elasticsearch, with a certificate
 * from a CA of its own: trusted through {@code NEWSFLOW_ES_CA_CERT}, refused without it. The real
 * node over TLS is exercised by index-service's {@code SecuredElasticsearchIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchTlsTest {

    private static final char[] STORE_PASSWORD = "test-store-password".toCharArray();

    private HttpsServer server;
    private Path caCertificate;

    @BeforeAll
    void startHttpsServer(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        caCertificate = dir.resolve("ca.crt");
        // A self-signed certificate is its own CA: what the client must be told to trust.
        keytool("-genkeypair", "-alias", "es", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "bc:c",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", "es", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD), "-file", caCertificate.toString());

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(store)));
        server.createContext("/", ElasticsearchTlsTest::answer);
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @Test
    void theConfiguredCaLetsTheStatusReadElasticsearch() {
        CliConfig config = config(Map.of("NEWSFLOW_ES_CA_CERT", caCertificate.toString()));

        IndexStatus status = probe(config);

        assertThat(status.reachable()).as(status.problem()).isTrue();
        assertThat(status.health()).isEqualTo("green");
    }

    @Test
    void withoutTheCaTheCertificateIsRefused() {
        IndexStatus status = probe(config(Map.of()));

        assertThat(status.reachable()).isFalse();
        assertThat(status.problem()).contains("is not reachable").contains("certification path");
    }

    private CliConfig config(Map<String, String> extra) {
        var env = new HashMap<>(extra);
        env.put("NEWSFLOW_ES_URL", "https://127.0.0.1:" + server.getAddress().getPort());
        return CliConfig.fromEnv(new Env(env));
    }

    private static IndexStatus probe(CliConfig config) {
        try (HttpClient http = StatusCommand.elasticsearchClient(config)) {
            return new ElasticsearchProbe(http, config.elasticsearch().first(), config.elasticsearchAuth(), config.timeout())
                    .read("news");
        }
    }

    /** Cluster health, and no alias yet: enough for the status to call Elasticsearch reachable. */
    private static void answer(HttpExchange exchange) throws IOException {
        boolean health = exchange.getRequestURI().getPath().equals("/_cluster/health");
        byte[] body = (health ? "{\"status\":\"green\"}" : "{}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(health ? 200 : 404, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static SSLContext serverContext(Path store) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    /** The JDK's keytool: the JDK has no API of its own to make a certificate. */
    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
