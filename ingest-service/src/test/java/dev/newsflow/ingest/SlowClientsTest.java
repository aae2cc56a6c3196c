package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle their bodies a byte at a time, as many as there are request slots, against the
 * real HTTP server: each is answered 408 and disconnected once it falls behind the pace, and a real feed
 * gets its slot back.
 */
class SlowClientsTest {

    private static final int SLOTS = 4;
    private static final BodyPace PACE = new BodyPace(Duration.ofSeconds(4), 1024, Duration.ofSeconds(1));
    private static final String STORY = "{\"title\":\"Harbour reopens\",\"body\":\"The harbour reopened on Monday.\"}";

    private final ExecutorService tricklers = Executors.newFixedThreadPool(SLOTS);
    private RoutesUnderTest routes;

    @AfterEach
    void stop() {
        tricklers.shutdownNow();
        if (routes != null) {
            routes.close();
        }
    }

    @Test
    void tricklingBodiesAreCutOffWith408AndRealFeedsGetTheirSlotsBack() throws Exception {
        routes = new RoutesUnderTest(true, Duration.ofSeconds(5), 1024 * 1024,
                new InflightLimit(64L * 1024 * 1024, SLOTS), RoutesUnderTest.roomyBacklog(), PACE, InstantSource.system());
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            answers.add(tricklers.submit(this::trickle));
        }
        // Every slot is taken by a trickler: a real feed is turned away for now.
        await().atMost(Duration.ofSeconds(10)).until(() -> post().statusCode() == 429);

        for (Future<String> answer : answers) {
            String response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .contains("below the minimum of 1024 bytes/s");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(post().statusCode()).isEqualTo(202));
        assertThat(routes.scrape()).contains("reason=\"too_slow\"");
    }

    private HttpResponse<String> post() throws IOException, InterruptedException {
        return routes.post("application/json", BodyPublishers.ofString(STORY), RoutesUnderTest.KEY);
    }

    /** Sends the headers, then one byte of the body every 100 ms; returns what the server answered before it closed. */
    private String trickle() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", routes.uri("/").getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + RoutesUnderTest.KEY + "\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<byte[]> answer = reader.submit(in::readAllBytes);
                while (!answer.isDone()) {
                    try {
                        out.write('x');
                        out.flush();
                    } catch (IOException e) {
                        break; // the server closed the connection; what it answered is read below
                    }
                    try {
                        answer.get(100, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        // not answered yet: keep trickling
                    }
                }
                return new String(answer.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while trickling", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("no answer from the server", e);
            }
        }
    }
}
