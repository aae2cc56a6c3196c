package dev.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain JSON over HTTP to Elasticsearch, the way an operator's curl would talk to it: the checks
 * look at the index from outside, through nothing the services themselves use.
 */
final class ElasticsearchHttp {

    /** An answer: the status and the JSON body (a missing node when the body is empty). */
    record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    ElasticsearchHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    /** @param body a JSON string as it is, or an object to write as JSON */
    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    Answer delete(String path, Object body) {
        return send("DELETE", path, body);
    }

    /** Like {@link #post} but fails unless Elasticsearch answers 2xx. */
    JsonNode postOk(String path, Object body) {
        Answer answer = post(path, body);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private Answer send(String method, String path, Object body) {
        try {
            // The shared mapper leaves out nulls, and a null is how a setting is removed: such bodies come as text.
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                    : Json.mapper().writeValueAsString(body));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), text.isBlank() ? Json.mapper().missingNode() : Json.mapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " on Elasticsearch failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted talking to Elasticsearch", e);
        }
    }
}
