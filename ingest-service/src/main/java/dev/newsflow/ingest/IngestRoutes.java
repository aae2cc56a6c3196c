package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import dev.newsflow.core.RawArticle;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest API (DESIGN.md, ingest-service): {@code POST /v1/articles}. The same routes serve
 * {@code IngestMain} and the tests. A request is checked in the order that costs least to refuse:
 * key, media type, declared size, room in flight (429 when the service is full), then the body is
 * read, parsed, given its identity and published (503 at once when Kafka is too far behind to take it).
 */
public final class IngestRoutes {

    private static final Logger log = LoggerFactory.getLogger(IngestRoutes.class);

    /** Long enough for a broker restart or leader election to finish, short enough for a feed to catch up. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** A full service frees up as soon as the requests in flight are answered, usually well within a second. */
    static final int OVERLOADED_RETRY_AFTER_SECONDS = 1;

    private final ApiKeys keys;
    private final ArticleParsers parsers;
    private final ArticlePublisher publisher;
    private final IngestMetrics metrics;
    private final long maxBytes;
    private final InflightLimit inflight;
    private final BodyPace pace;
    private final InstantSource clock;

    public IngestRoutes(ApiKeys keys, ArticleParsers parsers, ArticlePublisher publisher, IngestMetrics metrics,
                        long maxBytes, InflightLimit inflight, BodyPace pace, InstantSource clock) {
        this.keys = keys;
        this.parsers = parsers;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxBytes = maxBytes;
        this.inflight = inflight;
        this.pace = pace;
        this.clock = clock;
    }

    /** Adds {@code POST /v1/articles}, for {@code ServiceHttp.create}. */
    public void addTo(RoutesConfig routes) {
        routes.post("/v1/articles", this::postArticles);
    }

    private void postArticles(Context ctx) {
        // Truncated so ingested_at in JSON and the record timestamp are the same instant.
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String source = rejecting(ctx, IngestMetrics.UNKNOWN_SOURCE, () -> authenticate(ctx));
        MediaType type = rejecting(ctx, source, () -> parsers.mediaTypeOf(ctx.header(Header.CONTENT_TYPE)));
        ArticleParser parser = rejecting(ctx, source, () -> parsers.forType(type));
        long declared = rejecting(ctx, source, () -> RequestBody.declaredLength(ctx, maxBytes));
        try (InflightLimit.Admission admission = rejecting(ctx, source,
                () -> inflight.tryAdmit(Math.max(0, declared)).orElseThrow(inflight::refusal))) {
            ParsedPayload payload = rejecting(ctx, source,
                    () -> parser.parse(RequestBody.read(ctx, maxBytes, admission, pace), type));
            if (payload.batch()) {
                answerBatch(ctx, source, payload.items(), receivedAt);
            } else {
                answerOne(ctx, source, payload.items().getFirst(), receivedAt);
            }
        }
    }

    private String authenticate(Context ctx) {
        try {
            return keys.authenticate(ctx.header(Header.AUTHORIZATION));
        } catch (ProblemException e) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
            throw e;
        }
    }

    private void answerOne(Context ctx, String source, ParsedItem item, Instant receivedAt) {
        RawArticle article = rejecting(ctx, source, () -> identify(item, source, receivedAt));
        publish(ctx, source, List.of(article));
        metrics.accepted(source, 1);
        ctx.status(202).json(accepted(article));
    }

    /**
     * Answers 202 with one item per article, in order; bad articles are reported as their item
     * while the good ones are published. 202 comes only after all good ones were acknowledged.
     */
    private void answerBatch(Context ctx, String source, List<ParsedItem> items, Instant receivedAt) {
        List<Map<String, Object>> answers = new ArrayList<>(items.size());
        List<RawArticle> articles = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            ParsedItem item = items.get(index);
            try {
                RawArticle article = identify(item, source, receivedAt);
                articles.add(article);
                answers.add(accepted(article));
            } catch (ProblemException e) {
                metrics.rejected(source, reason(e.problem().status()), 1);
                answers.add(failedItem(index, e.problem()));
            }
        }
        if (!articles.isEmpty()) {
            publish(ctx, source, articles);
            metrics.accepted(source, articles.size());
        }
        ctx.status(202).json(Map.of("items", answers));
    }

    /** @throws ProblemException when the parser refused the article or it claims another source */
    private static RawArticle identify(ParsedItem item, String source, Instant receivedAt) {
        return switch (item) {
            case ParsedItem.Valid valid -> ArticleIdentity.assign(valid, source, receivedAt);
            case ParsedItem.Invalid invalid -> throw new ProblemException(invalid.problem());
        };
    }

    private void publish(Context ctx, String source, List<RawArticle> articles) {
        try {
            publisher.publish(articles);
        } catch (PublishException e) {
            if (e.tooLarge()) {
                metrics.rejected(source, "too_large", articles.size());
                throw new ProblemException(Problem.of(413, "Content Too Large",
                        "an article is larger than Kafka accepts: " + e.getCause().getMessage()));
            }
            if (e.backlogFull()) {
                // Under a burst this happens many times a second: the metric counts it, the log would drown.
                log.debug("answering 503 to {} for {} article(s): {}", source, articles.size(), e.getMessage());
                metrics.rejected(source, "kafka_backlog", articles.size());
            } else {
                log.warn("answering 503 to {} for {} article(s): {}", source, articles.size(), e.getMessage());
                metrics.rejected(source, "kafka_unavailable", articles.size());
            }
            ctx.header(Header.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            throw new ProblemException(Problem.of(503, "Service Unavailable",
                    "the articles could not be stored now (" + e.getMessage() + "); retry after "
                            + RETRY_AFTER_SECONDS + "s"));
        }
    }

    /**
     * Runs one step of a request, counting its refusal (if any) before it is answered; a 429 also tells
     * the client when to come back.
     */
    private <T> T rejecting(Context ctx, String source, Supplier<T> step) {
        try {
            return step.get();
        } catch (ProblemException e) {
            int status = e.problem().status();
            metrics.rejected(source, reason(status), 1);
            if (status == 429) {
                ctx.header(Header.RETRY_AFTER, Integer.toString(OVERLOADED_RETRY_AFTER_SECONDS));
            }
            throw e;
        }
    }

    private static Map<String, Object> accepted(RawArticle article) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", article.id());
        answer.put("version", article.version());
        return answer;
    }

    private static Map<String, Object> failedItem(int index, Problem problem) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("index", index);
        answer.put("status", problem.status());
        answer.put("detail", problem.detail());
        // Whatever locates the fault (field, element, line, column) travels with the item.
        problem.extensions().forEach(answer::putIfAbsent);
        return answer;
    }

    /** The {@code reason} tag of the rejected counter; a fixed set of words, never free text. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "unauthorized";
            case 403 -> "forbidden_source";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 408 -> "too_slow";
            case 429 -> "overloaded";
            case 503 -> "kafka_unavailable";
            default -> "http_" + status;
        };
    }
}
