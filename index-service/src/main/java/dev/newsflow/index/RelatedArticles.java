package dev.newsflow.index;

import java.util.List;

/** The answer of {@code GET /v1/articles/{id}/related}: articles like it, without itself and without duplicates. */
public record RelatedArticles(String id, List<ArticleHit> hits) {
}
