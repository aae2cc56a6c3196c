package dev.newsflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Asks each service instance's {@code /health/ready}, all at once, so a hung one costs one timeout, not several. */
public final class ServiceProbe {

    private final HttpClient http;
    private final Duration timeout;

    public ServiceProbe(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** @param services each service's instances' base URLs by service name, in the order to report them */
    public List<ServiceStatus> check(Map<String, List<URI>> services) {
        List<CompletableFuture<ServiceStatus>> answers = new ArrayList<>();
        services.forEach((name, urls) -> urls.forEach(url -> answers.add(check(name, url))));
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<ServiceStatus> check(String name, URI base) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200
                        ? new ServiceStatus(name, base, true, null)
                        : notReady(name, base, response))
                .exceptionally(error -> new ServiceStatus(name, base, false, unreachable(error)));
    }

    /**
     * The checks that failed, and whether each is only settling, from the body {@code ServiceHttp} writes:
     * {@code {"status":"DOWN","checks":{...},"settling":...}}.
     */
    static ServiceStatus notReady(String name, URI base, HttpResponse<String> response) {
        String status = "HTTP " + response.statusCode();
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (JsonProcessingException e) {
            // Something other than a Newsflow service answered (a proxy page): the status says enough.
            return new ServiceStatus(name, base, false, status);
        }
        List<String> failing = new ArrayList<>();
        body.path("checks").properties().forEach(check -> {
            if (!"UP".equals(check.getValue().asText())) {
                failing.add(check.getKey() + ": " + check.getValue().asText());
            }
        });
        String detail = failing.isEmpty() ? status : status + " - " + String.join("; ", failing);
        return new ServiceStatus(name, base, false, detail, body.path("settling").asBoolean(false));
    }

    private String unreachable(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "not reachable (connection refused)";
        }
        return "not reachable: " + cause;
    }
}
