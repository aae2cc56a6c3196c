package dev.newsflow.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The index service's own routes, shared by {@link IndexMain} and the tests. */
public final class IndexRoutes {

    private static final Logger log = LoggerFactory.getLogger(IndexRoutes.class);

    private final ArticleSearch search;
    private final SearchGate gate;

    private IndexRoutes(ArticleSearch search, SearchGate gate) {
        this.search = search;
        this.gate = gate;
    }

    /**
     * Adds {@code GET /v1/search}, {@code GET /v1/articles/{id}}, {@code GET /v1/articles/{id}/related}
     * and the search page ({@code GET /}), for {@code ServiceHttp.create}. Every read passes the gate.
     */
    static void register(RoutesConfig routes, ArticleSearch search, SearchGate gate) {
        IndexRoutes index = new IndexRoutes(search, gate);
        routes.get("/v1/search", index::search);
        routes.get("/v1/articles/{id}", index::article);
        routes.get("/v1/articles/{id}/related", index::related);
        StaticFiles.searchPage().register(routes);
    }

    private void search(Context ctx) {
        SearchQuery query = SearchQuery.parse(ctx.queryParamMap(), search.cursors());
        ctx.json(backend(ctx, () -> search.search(query)));
    }

    private void article(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(backend(ctx, () -> search.article(id))
                .orElseThrow(() -> ProblemException.notFound("no article with id " + id)));
    }

    private void related(Context ctx) {
        RelatedQuery query = RelatedQuery.parse(ctx.pathParam("id"), ctx.queryParamMap());
        ctx.json(backend(ctx, () -> search.related(query))
                .orElseThrow(() -> ProblemException.notFound("no article with id " + query.id())));
    }

    /**
     * One read from Elasticsearch, when the gate has room. Elasticsearch trouble is the service's
     * dependency failing, not the caller's mistake: 503.
     */
    private <T> T backend(Context ctx, ElasticsearchCall<T> call) {
        if (!gate.tryEnter()) {
            ctx.header(Header.RETRY_AFTER, Integer.toString(SearchGate.RETRY_AFTER_SECONDS));
            throw SearchGate.busy();
        }
        try {
            return call.run();
        } catch (IOException | ElasticsearchException e) {
            log.warn("Elasticsearch call failed: {}", e.toString());
            throw new ProblemException(Problem.of(503, "Service Unavailable", "the search index is not available now"));
        } finally {
            gate.leave();
        }
    }

    @FunctionalInterface
    private interface ElasticsearchCall<T> {
        T run() throws IOException;
    }
}
