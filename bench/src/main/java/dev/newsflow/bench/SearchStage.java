package dev.newsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search latency through index-service's {@code /v1/search} over what the end-to-end run indexed:
 * an even mix of free text, filtered (text with a place and a date), faceted (an entity filter
 * alone, whose answer is mostly facets) and paged (the second page, by the first page's cursor)
 * queries, from several clients at once. Every answer carries all six facets and highlighting.
 */
final class SearchStage {

    private static final Logger log = LoggerFactory.getLogger(SearchStage.class);
    private static final List<String> WORDS = List.of("talks", "agreement", "inflation", "investment", "unemployment",
            "flooding", "treatment", "evidence", "headquarters", "forecast", "shares", "review", "protests", "court");
    private static final int WARM_UP = 40;

    private final BenchContext context;
    private final HttpLoad load = new HttpLoad();

    SearchStage(BenchContext context) {
        this.context = context;
    }

    /** Latencies over the whole mix, and the rate the clients got answers at. */
    record Result(Latencies all, double queriesPerSecond, long indexed) {
    }

    Result run(Pipeline pipeline) {
        List<String> queries = queries(pipeline, context.settings().searches() + WARM_UP, new Random(context.settings().seed()));
        int clients = context.settings().clients();
        load.run(clients, WARM_UP, i -> get(pipeline, queries.get(i)), 200);
        HttpLoad.Result timed = load.run(clients, queries.size() - WARM_UP, i -> get(pipeline, queries.get(WARM_UP + i)), 200);
        long indexed = total(pipeline, "");
        log.info("search over {} articles: {} queries, {}", indexed, timed.requests(), timed.latencies());
        return new Result(timed.latencies(), timed.requestsPerSecond(), indexed);
    }

    /** The query strings, kinds taking turns; a paged query carries the cursor of its first page. */
    private List<String> queries(Pipeline pipeline, int count, Random random) {
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String word = pick(random, WORDS);
            queries.add(switch (i % 4) {
                case 0 -> "q=" + encode(word);
                case 1 -> "q=" + encode(word) + "&place=" + encode(pick(random, Vocabulary.PLACES))
                        + "&since=2025-03-01T00:00:00Z";
                case 2 -> "person=" + encode(pick(random, Vocabulary.PEOPLE));
                default -> paged(pipeline, "q=" + encode(word) + "&size=10");
            });
        }
        return queries;
    }

    /** The second page of the query; the first when there is only one. */
    private String paged(Pipeline pipeline, String first) {
        String cursor = search(pipeline, first).path("next_cursor").asText("");
        return cursor.isEmpty() ? first : first + "&cursor=" + encode(cursor);
    }

    private long total(Pipeline pipeline, String query) {
        return search(pipeline, query).path("total").asLong();
    }

    private JsonNode search(Pipeline pipeline, String query) {
        try {
            return Json.mapper().readTree(load.send(get(pipeline, query), 200));
        } catch (IOException e) {
            throw new UncheckedIOException("search " + query + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpRequest get(Pipeline pipeline, String query) {
        return HttpRequest.newBuilder(pipeline.searchUri(query)).GET().build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
