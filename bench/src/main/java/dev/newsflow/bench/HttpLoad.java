package dev.newsflow.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code clients} threads, each sending its next request as soon as the last
 * one is answered, until {@code requests} have been sent. Every answer must have the expected status.
 */
final class HttpLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What a load achieved: how long it took and each request's response time. */
    record Result(int requests, double seconds, long[] nanos) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        Latencies latencies() {
            return Latencies.ofNanos(nanos);
        }
    }

    /** Sends request {@code i} for i in [0, requests), with {@code clients} in parallel. */
    Result run(int clients, int requests, IntFunction<HttpRequest> request, int expectedStatus) {
        long[] nanos = new long[requests];
        double seconds = ParallelWork.run(clients, requests, "a request", i -> {
            long t0 = System.nanoTime();
            send(request.apply(i), expectedStatus);
            nanos[i] = System.nanoTime() - t0;
        });
        return new Result(requests, seconds, nanos);
    }

    /** One request; the body of the answer, which must carry the expected status. */
    String send(HttpRequest request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + abbreviated(response.body()));
        }
        return response.body();
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
