package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thousands of malformed payloads of every format, generated from valid seeds by {@link FuzzMutator}
 * and sent through the real HTTP server: each must be answered 202 or with a problem+json 4xx, never a
 * 5xx, never after the hang bound, and the heap must hold no more afterwards than a bound.
 *
 * <p>The run is seeded and reproducible: {@code -Dnewsflow.fuzz.seed=N} picks another run,
 * {@code -Dnewsflow.fuzz.iterations=N} sets the inputs per format (default sized for CI). A failing
 * input is written to {@code target/fuzz-failures} with its content type and recipe; once fixed, it
 * becomes a named case in {@link PoisonRequestsTest} (as the batches of countless tiny items did).
 */
class ParserFuzzTest {

    private static final Logger log = LoggerFactory.getLogger(ParserFuzzTest.class);

    private static final long SEED = Long.getLong("newsflow.fuzz.seed", 20_240_501L);
    private static final int ITERATIONS = Integer.getInteger("newsflow.fuzz.iterations", 200);
    private static final int CLIENTS = 4;
    private static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Far beyond any honest parse of a 5 MiB body; reaching it means a hang. */
    private static final Duration HANG = Duration.ofSeconds(30);
    /** Pools (Jetty's buffers, the client's connections) keep some tens of MiB; a leak per input would keep gigabytes. */
    private static final long LIVE_HEAP_GROWTH_BOUND = 128L * 1024 * 1024;
    private static final Path FAILURES = Path.of("target", "fuzz-failures");

    private RoutesUnderTest routes;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        routes = new RoutesUnderTest(true, Duration.ofSeconds(5), MAX_BYTES,
                new InflightLimit(256L * 1024 * 1024, 64), RoutesUnderTest.roomyBacklog(), InstantSource.system());
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void malformedInputsOfEveryFormatAreAnswered202OrAProblem() throws Exception {
        List<FuzzSeed> seeds = FuzzSeed.all();
        long heapBefore = liveHeap();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int s = 0; s < seeds.size(); s++) {
                FuzzSeed seed = seeds.get(s);
                Map<Integer, Integer> statuses = new TreeMap<>();
                long slowest = 0;
                long started = System.nanoTime();
                List<Future<Answer>> answers = new ArrayList<>();
                for (int i = 0; i < ITERATIONS; i++) {
                    long caseSeed = SEED * 1_000_003L + s * 100_000_007L + i;
                    answers.add(clients.submit(() -> runCase(seed, seeds, caseSeed, failures)));
                }
                for (Future<Answer> answer : answers) {
                    statuses.merge(answer.get().status(), 1, Integer::sum);
                    slowest = Math.max(slowest, answer.get().millis());
                }
                log.info("fuzz {} ({}): {} inputs in {} ms, slowest {} ms, answers {}", seed.name(), seed.contentType(),
                        ITERATIONS, (System.nanoTime() - started) / 1_000_000, slowest, statuses);
                // The mock producer keeps every accepted record; forget them between formats.
                routes.producer().clear();
            }
        } finally {
            clients.shutdownNow();
        }
        long growth = liveHeap() - heapBefore;
        log.info("fuzz seed {}: live heap grew by {} MiB", SEED, growth / (1024 * 1024));
        assertThat(failures).as("seed %d; failing inputs are in %s", SEED, FAILURES.toAbsolutePath()).isEmpty();
        assertThat(growth).isLessThan(LIVE_HEAP_GROWTH_BOUND);
    }

    private Answer runCase(FuzzSeed seed, List<FuzzSeed> seeds, long caseSeed, Queue<String> failures) throws IOException {
        FuzzInput input = FuzzMutator.mutate(seed, seeds, new Random(caseSeed));
        Answer answer = answer(input);
        if (answer.failure().isPresent()) {
            String name = seed.name() + "-" + caseSeed;
            Files.createDirectories(FAILURES);
            Files.write(FAILURES.resolve(name + ".bin"), input.body());
            Files.writeString(FAILURES.resolve(name + ".txt"), "seed " + SEED + ", case " + caseSeed
                    + "\nContent-Type: " + input.contentType() + "\nrecipe: " + input.recipe()
                    + "\nfailure: " + answer.failure().get() + "\n");
            log.error("fuzz seed {} case {} ({}; {}) failed: {}; input in {}", SEED, caseSeed, input.contentType(),
                    input.recipe(), answer.failure().get(), FAILURES.resolve(name + ".bin").toAbsolutePath());
            failures.add(name + ": " + answer.failure().get());
        }
        return answer;
    }

    /** @param status the status answered, or -1 when there was none */
    private record Answer(int status, long millis, Optional<String> failure) {
    }

    private Answer answer(FuzzInput input) {
        HttpResponse<String> response;
        long start = System.nanoTime();
        try {
            response = http.send(routes.request(input.contentType(), BodyPublishers.ofByteArray(input.body()),
                    RoutesUnderTest.KEY).timeout(HANG).build(), BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, 0, Optional.of("interrupted"));
        } catch (IOException e) {
            // A timeout is the hang this test hunts; a reset connection means the server gave up on the request.
            return new Answer(-1, 0, Optional.of("no answer: " + e));
        }
        return new Answer(response.statusCode(), (System.nanoTime() - start) / 1_000_000, verdict(response));
    }

    private static Optional<String> verdict(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 202) {
            return Optional.empty();
        }
        if (status < 400 || status > 499) {
            return Optional.of("status " + status + ": " + abbreviated(response.body()));
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return Optional.of(status + " is not problem+json: " + abbreviated(response.body()));
        }
        try {
            JsonNode problem = Json.mapper().readTree(response.body());
            return problem.path("status").asInt() == status && problem.path("detail").isTextual()
                    ? Optional.empty() : Optional.of(status + " with a malformed problem: " + abbreviated(response.body()));
        } catch (IOException e) {
            return Optional.of(status + " with a body that is no JSON: " + abbreviated(response.body()));
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** Live heap: what is left after a full collection. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
