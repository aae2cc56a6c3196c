package dev.newsflow.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The index service's own routes, shared by {@link IndexMain} and the tests. */
public final class IndexRoutes {

    private static final Logger log = LoggerFactory.getLogger(IndexRoutes.class);

    private final ArticleSearch search;

    private IndexRoutes(ArticleSearch search) {
        this.search = search;
    }

    /**
     * Adds {@code GET /v1/search}, {@code GET /v1/articles/{id}}, {@code GET /v1/articles/{id}/related}
     * and the search page ({@code GET /}), for {@code ServiceHttp.create}.
     */
    public static void register(RoutesConfig routes, ArticleSearch search) {
        IndexRoutes index = new IndexRoutes(search);
        routes.get("/v1/search", index::search);
        routes.get("/v1/articles/{id}", index::article);
        routes.get("/v1/articles/{id}/related", index::related);
        StaticFiles.searchPage().register(routes);
    }

    private void search(Context ctx) {
        SearchQuery query = SearchQuery.parse(ctx.queryParamMap());
        ctx.json(backend(() -> search.search(query)));
    }

    private void article(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(backend(() -> search.article(id))
                .orElseThrow(() -> ProblemException.notFound("no article with id " + id)));
    }

    private void related(Context ctx) {
        RelatedQuery query = RelatedQuery.parse(ctx.pathParam("id"), ctx.queryParamMap());
        ctx.json(backend(() -> search.related(query))
                .orElseThrow(() -> ProblemException.notFound("no article with id " + query.id())));
    }

    /** Elasticsearch trouble is the service's dependency failing, not the caller's mistake: 503. */
    private static <T> T backend(ElasticsearchCall<T> call) {
        try {
            return call.run();
        } catch (IOException | ElasticsearchException e) {
            log.warn("Elasticsearch call failed: {}", e.toString());
            throw new ProblemException(Problem.of(503, "Service Unavailable", "the search index is not available now"));
        }
    }

    @FunctionalInterface
    private interface ElasticsearchCall<T> {
        T run() throws IOException;
    }
}
