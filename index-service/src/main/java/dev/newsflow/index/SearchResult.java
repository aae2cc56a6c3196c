package dev.newsflow.index;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v1/search}.
 *
 * @param facets     per facet name ({@code people}, {@code organizations}, {@code places}, {@code topics},
 *                   {@code sources}, {@code languages}) the most frequent values among all matches
 * @param nextCursor the {@code cursor} for the next page, or null on the last page
 */
public record SearchResult(long total, List<ArticleHit> hits, Map<String, List<FacetValue>> facets, String nextCursor) {
}
