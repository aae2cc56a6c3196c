package dev.newsflow.cli;

import dev.newsflow.core.EsCredentials;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the index's state with four plain REST calls; the JDK client is enough for that and keeps the
 * Elasticsearch client's dependencies out of the tool.
 */
public final class ElasticsearchProbe {

    /** More sources than any installation has feeds; a terms aggregation must be bounded. */
    private static final int MAX_SOURCES = 500;

    private final HttpClient http;
    private final URI base;
    private final EsCredentials auth;
    private final Duration timeout;

    public ElasticsearchProbe(HttpClient http, URI base, EsCredentials auth, Duration timeout) {
        this.http = http;
        this.base = base;
        this.auth = auth;
        this.timeout = timeout;
    }

    public IndexStatus read(String alias) {
        String url = base.toString();
        try {
            String health = get("/_cluster/health").body().path("status").asText(null);
            Answer aliases = get("/_alias/" + encode(alias));
            if (aliases.status() == 404) {
                return new IndexStatus(url, null, health, alias, List.of(), 0, List.of());
            }
            List<String> indices = new ArrayList<>();
            aliases.body().fieldNames().forEachRemaining(indices::add);
            indices.sort(null);
            long documents = get("/" + encode(alias) + "/_count").body().path("count").asLong();
            List<SourceActivity> sources = sources(post("/" + encode(alias) + "/_search", sourcesQuery()).body());
            return new IndexStatus(url, null, health, alias, indices, documents, sources);
        } catch (HttpTimeoutException e) {
            return IndexStatus.unreachable(url, alias, "no answer from Elasticsearch at " + url + " within "
                    + timeout.toMillis() + " ms");
        } catch (AnswerException e) {
            return IndexStatus.unreachable(url, alias, "Elasticsearch at " + url + " refused: " + e.getMessage());
        } catch (IOException e) {
            return IndexStatus.unreachable(url, alias, "Elasticsearch at " + url + " is not reachable: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IndexStatus.unreachable(url, alias, "interrupted while reading Elasticsearch");
        }
    }

    /** Each source's document count and newest {@code ingested_at}, from a terms aggregation's answer. */
    static List<SourceActivity> sources(JsonNode searchAnswer) {
        List<SourceActivity> sources = new ArrayList<>();
        for (JsonNode bucket : searchAnswer.path("aggregations").path("sources").path("buckets")) {
            JsonNode last = bucket.path("last_ingested").path("value");
            Instant lastIngested = last.isNumber() ? Instant.ofEpochMilli(last.asLong()) : null;
            sources.add(new SourceActivity(bucket.path("key").asText(), bucket.path("doc_count").asLong(), lastIngested));
        }
        return sources;
    }

    static String sourcesQuery() {
        var query = Json.mapper().createObjectNode();
        query.put("size", 0);
        query.put("track_total_hits", false);
        var terms = query.putObject("aggs").putObject("sources");
        terms.putObject("terms").put("field", "source").put("size", MAX_SOURCES);
        terms.putObject("aggs").putObject("last_ingested").putObject("max").put("field", "ingested_at");
        return query.toString();
    }

    private Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    private Answer post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json");
        auth.authorization().ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    /** 404 is an answer (a missing alias); any other error status is not. */
    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 400 && response.statusCode() != 404) {
            JsonNode reason = body.path("error").path("reason");
            throw new AnswerException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + (reason.isTextual() ? " (" + reason.asText() + ")" : ""));
        }
        return new Answer(response.statusCode(), body);
    }

    /** Error answers from proxies in front of Elasticsearch need not be JSON; they still deserve their status. */
    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return Json.mapper().createObjectNode().put("unparsed", Text.abbreviate(body, 200));
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static String describe(IOException e) {
        // The JDK reports a refused connection as a ConnectException without a message of its own.
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private record Answer(int status, JsonNode body) {
    }

    /** An error status other than 404, carrying what Elasticsearch said. */
    private static final class AnswerException extends IOException {
        AnswerException(String message) {
            super(message);
        }
    }
}
