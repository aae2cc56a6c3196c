package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceProbeTest {

    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ready/health/ready", exchange -> answer(exchange, 200, "{\"status\":\"UP\",\"checks\":{}}"));
        server.createContext("/down/health/ready", exchange -> answer(exchange, 503,
                "{\"status\":\"DOWN\",\"checks\":{\"kafka\":\"UP\",\"elasticsearch\":\"no answer within 2000 ms\"}}"));
        server.createContext("/settling/health/ready", exchange -> answer(exchange, 503,
                "{\"status\":\"DOWN\",\"checks\":{\"kafka-streams\":\"Kafka Streams is REBALANCING\"},\"settling\":true}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        http.close();
    }

    @Test
    void reportsReadyNotReadyWithItsFailingChecksAndUnreachable() throws IOException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, List<URI>> services = new LinkedHashMap<>();
        URI closed = URI.create("http://127.0.0.1:" + closedPort());
        services.put("ingest", List.of(URI.create(base + "/ready")));
        // Two instances of index: one answers 503, the other not at all.
        services.put("index", List.of(URI.create(base + "/down"), closed));
        services.put("enrich", List.of(closed));

        List<ServiceStatus> statuses = new ServiceProbe(http, Duration.ofSeconds(2)).check(services);

        assertThat(statuses).containsExactly(
                new ServiceStatus("ingest", URI.create(base + "/ready"), true, null),
                new ServiceStatus("index", URI.create(base + "/down"), false,
                        "HTTP 503 - elasticsearch: no answer within 2000 ms"),
                new ServiceStatus("index", closed, false, "not reachable (connection refused)"),
                new ServiceStatus("enrich", closed, false, "not reachable (connection refused)"));
    }

    @Test
    void anInstanceInARebalanceSaysItIsSettling() {
        URI settling = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/settling");

        List<ServiceStatus> statuses = new ServiceProbe(http, Duration.ofSeconds(2)).check(Map.of("enrich", List.of(settling)));

        assertThat(statuses).containsExactly(new ServiceStatus("enrich", settling, false,
                "HTTP 503 - kafka-streams: Kafka Streams is REBALANCING", true));
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
