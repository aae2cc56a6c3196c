package dev.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every document one source has behind the run's alias, read whole with a scroll after a refresh
 * (so every write Elasticsearch acknowledged is seen). Documents are grouped by their {@code id}
 * field rather than by {@code _id}, so an article held by two documents shows as a duplicate.
 */
final class IndexedArticles {

    private static final int PAGE = 1000;

    private final ElasticsearchHttp es;
    private final String alias;

    IndexedArticles(ElasticsearchHttp es, String alias) {
        this.es = es;
        this.alias = alias;
    }

    /** Article id → the version of each document holding it; more than one version means a duplicate. */
    Map<String, List<Long>> of(String source) {
        Map<String, List<Long>> versions = new HashMap<>();
        scroll(source, List.of("id", "version"), doc -> versions.computeIfAbsent(doc.path("id").asText(),
                id -> new ArrayList<>()).add(doc.path("version").asLong()));
        return versions;
    }

    /** Article id → the original its document names in {@code duplicate_of}, for the documents that name one. */
    Map<String, String> duplicateOf(String source) {
        Map<String, String> originals = new HashMap<>();
        scroll(source, List.of("id", "duplicate_of"), doc -> {
            if (doc.hasNonNull("duplicate_of")) {
                originals.put(doc.path("id").asText(), doc.path("duplicate_of").asText());
            }
        });
        return originals;
    }

    /** Article id → when enrich-service enriched the version its document holds ({@code enriched_at}). */
    Map<String, Instant> enrichedAt(String source) {
        Map<String, Instant> enriched = new HashMap<>();
        scroll(source, List.of("id", "enriched_at"), doc -> {
            if (doc.hasNonNull("enriched_at")) {
                enriched.put(doc.path("id").asText(), Instant.parse(doc.path("enriched_at").asText()));
            }
        });
        return enriched;
    }

    /** Which of the ids a search finds now: what a reader sees, so no refresh is forced. */
    Set<String> searchable(Collection<String> ids) {
        Set<String> found = new HashSet<>();
        es.postOk("/" + alias + "/_search", Map.of(
                        "size", ids.size(),
                        "query", Map.of("terms", Map.of("id", List.copyOf(ids))),
                        "_source", List.of("id")))
                .path("hits").path("hits").forEach(hit -> found.add(hit.path("_source").path("id").asText()));
        return found;
    }

    private void scroll(String source, List<String> fields, Consumer<JsonNode> eachDocument) {
        es.postOk("/" + alias + "/_refresh", null);
        JsonNode page = es.postOk("/" + alias + "/_search?scroll=1m", Map.of(
                "size", PAGE,
                "sort", List.of("_doc"),
                "query", Map.of("term", Map.of("source", source)),
                "_source", fields));
        String scrollId = page.path("_scroll_id").asText();
        try {
            while (page.path("hits").path("hits").size() > 0) {
                for (JsonNode hit : page.path("hits").path("hits")) {
                    eachDocument.accept(hit.path("_source"));
                }
                page = es.postOk("/_search/scroll", Map.of("scroll", "1m", "scroll_id", scrollId));
                scrollId = page.path("_scroll_id").asText(scrollId);
            }
        } finally {
            es.delete("/_search/scroll", Map.of("scroll_id", scrollId));
        }
    }
}
