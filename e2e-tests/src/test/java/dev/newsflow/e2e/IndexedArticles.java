package dev.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        es.postOk("/" + alias + "/_refresh", null);
        Map<String, List<Long>> versions = new HashMap<>();
        JsonNode page = es.postOk("/" + alias + "/_search?scroll=1m", Map.of(
                "size", PAGE,
                "sort", List.of("_doc"),
                "query", Map.of("term", Map.of("source", source)),
                "_source", List.of("id", "version")));
        String scrollId = page.path("_scroll_id").asText();
        try {
            while (page.path("hits").path("hits").size() > 0) {
                for (JsonNode hit : page.path("hits").path("hits")) {
                    JsonNode doc = hit.path("_source");
                    versions.computeIfAbsent(doc.path("id").asText(), id -> new ArrayList<>())
                            .add(doc.path("version").asLong());
                }
                page = es.postOk("/_search/scroll", Map.of("scroll", "1m", "scroll_id", scrollId));
                scrollId = page.path("_scroll_id").asText(scrollId);
            }
        } finally {
            es.delete("/_search/scroll", Map.of("scroll_id", scrollId));
        }
        return versions;
    }
}
