package dev.newsflow.ingest;

import dev.newsflow.core.ArticleId;
import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import dev.newsflow.core.RawArticle;
import java.time.Instant;

/**
 * Gives a parsed article its identity (DESIGN.md, Identity and versions): the source of the key
 * that sent it, a guid, an id, a version and its receipt time.
 */
final class ArticleIdentity {

    private ArticleIdentity() {
    }

    /**
     * The article as it goes to Kafka.
     *
     * <p>A payload claiming another source than its key's is refused with 403 rather than silently
     * re-credited: a feed sending under the wrong key is a misconfiguration its operators should see.
     *
     * @throws ProblemException 403 when the payload names a source other than {@code source}
     */
    static RawArticle assign(ParsedItem.Valid item, String source, Instant receivedAt) {
        RawArticle article = item.article();
        String claimed = article.source();
        if (claimed != null && !claimed.strip().equals(source)) {
            throw new ProblemException(Problem.of(403, "Forbidden",
                    "the article claims source \"" + claimed + "\" but the key belongs to \"" + source + "\"")
                    .with("field", "source"));
        }
        String guid = article.guid() != null
                ? article.guid()
                : ArticleId.fallbackGuid(article.url(), article.title(), textOf(article));
        long version = item.feedVersion() != null
                ? item.feedVersion()
                : article.versionCreatedAt() != null ? article.versionCreatedAt().toEpochMilli() : receivedAt.toEpochMilli();
        return article.withSource(source).withIdentity(ArticleId.of(source, guid), guid, version, receivedAt);
    }

    /** The text the fallback guid hashes: the body, else the HTML, so either alone still identifies the story. */
    private static String textOf(RawArticle article) {
        return article.body() != null && !article.body().isBlank() ? article.body() : article.bodyHtml();
    }
}
