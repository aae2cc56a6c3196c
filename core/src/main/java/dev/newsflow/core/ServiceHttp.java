package dev.newsflow.core;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP plumbing every service shares: health and metrics endpoints, JSON through
 * {@link Json#mapper()}, problem+json for every error, and a request timer.
 */
public final class ServiceHttp {

    private static final Logger log = LoggerFactory.getLogger(ServiceHttp.class);
    /**
     * The most of an unread request body an error answer reads and throws away first. Jetty 12 closes a
     * connection whose request body was left unread, and closing while the client still sends resets it:
     * the client then never sees the 413, 429 or 401 that refused it. Draining lets the answer arrive; a
     * body declared larger than this is cut off as before.
     */
    static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;
    /**
     * How long stopping waits for requests in progress: the listener stops taking connections at once, a
     * request already being answered (ingest waiting on Kafka's acknowledgement) gets this long to finish.
     * Below compose's 30 s stop grace period, so the process still flushes and leaves its group after it.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private ServiceHttp() {
    }

    /** A Javalin app with {@code /health/live}, {@code /health/ready} and {@code /metrics} only, not started yet. */
    public static Javalin create(PrometheusMeterRegistry registry, Map<String, HealthCheck> readiness) {
        return create(registry, readiness, routes -> { });
    }

    /**
     * A Javalin app with {@code /health/live}, {@code /health/ready}, {@code /metrics} and the service's own
     * routes, not started yet. Javalin 7 takes every route before the app is made, hence {@code routes}.
     *
     * @param readiness the dependencies {@code /health/ready} checks, by name
     * @param routes    adds the service's own routes
     */
    public static Javalin create(PrometheusMeterRegistry registry, Map<String, HealthCheck> readiness,
                                 Consumer<RoutesConfig> routes) {
        return create(registry, readiness, routes, Exposure.ALL);
    }

    /** What one listener serves: everything, or its share when a management port is set (see {@link ServiceHttpServer}). */
    enum Exposure {
        /** One port for all: the service's routes, {@code /metrics} and the detailed readiness. */
        ALL,
        /** The service's routes, liveness and a readiness that says only UP or DOWN. */
        PUBLIC,
        /** {@code /metrics} and the detailed readiness, for operators and Prometheus. */
        MANAGEMENT
    }

    static Javalin create(PrometheusMeterRegistry registry, Map<String, HealthCheck> readiness,
                          Consumer<RoutesConfig> routes, Exposure exposure) {
        Map<String, HealthCheck> checks = new LinkedHashMap<>(readiness);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            // Javalin nests its handler inside a handler already on the server, so this one sees every request.
            config.jetty.modifyServer(server -> {
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_GRACE.toMillis());
            });
            config.requestLogger.http((ctx, ms) -> Timer.builder("newsflow.http.requests")
                    .description("HTTP requests served")
                    .tag("method", ctx.method().name())
                    .tag("route", route(ctx))
                    .tag("status", Integer.toString(ctx.statusCode()))
                    .publishPercentileHistogram(false)
                    .register(registry)
                    .record(ms.longValue(), TimeUnit.MILLISECONDS));
            addCommonRoutes(config.routes, registry, checks, exposure);
            if (exposure != Exposure.MANAGEMENT) {
                routes.accept(config.routes);
            }
        });
    }

    private static void addCommonRoutes(RoutesConfig routes, PrometheusMeterRegistry registry,
                                        Map<String, HealthCheck> checks, Exposure exposure) {
        routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        boolean detailed = exposure != Exposure.PUBLIC;
        routes.get("/health/ready", ctx -> ready(ctx, checks, detailed));
        if (detailed) {
            routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
        }

        routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.problem()));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                problem(ctx, Problem.of(e.getStatus(), reason(e.getStatus()), e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, Problem.of(500, "Internal Server Error", "the service failed unexpectedly; see its log"));
        });
        routes.error(404, ctx -> {
            if (!Problem.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                problem(ctx, Problem.of(404, "Not Found", "no resource at " + ctx.path()));
            }
        });
        routes.error(405, ctx -> problem(ctx, Problem.of(405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path())));
    }

    /**
     * Writes a problem as the answer, after reading what is left of the request body (see
     * {@link #MAX_DRAINED_BYTES}). A 408 says the body came too slowly: draining it would wait on the same
     * slow client, so that connection is closed instead.
     */
    public static void problem(Context ctx, Problem problem) {
        if (problem.status() == 408) {
            ctx.header("Connection", "close");
        } else {
            drainBody(ctx);
        }
        ctx.status(problem.status());
        ctx.contentType(Problem.CONTENT_TYPE);
        ctx.result(Json.mapper().valueToTree(problem).toString());
    }

    private static void drainBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0 || declared > MAX_DRAINED_BYTES) {
            return;
        }
        try {
            ServletInputStream in = ctx.req().getInputStream();
            long left = MAX_DRAINED_BYTES;
            byte[] buffer = new byte[64 * 1024];
            for (int n = 0; n >= 0 && left > 0 && !in.isFinished(); n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the body was taken as a reader: nothing is left to drain.
            log.debug("request body not drained: {}", e.toString());
        }
    }

    /**
     * Readiness; without {@code detailed} the answer names no dependency and no internal reason. A detailed
     * DOWN also says whether every failing check is only {@linkplain HealthCheck#settling() settling}.
     */
    private static void ready(Context ctx, Map<String, HealthCheck> checks, boolean detailed) {
        Map<String, String> status = new LinkedHashMap<>();
        boolean allUp = true;
        boolean settling = true;
        for (var check : checks.entrySet()) {
            Optional<String> problem = check.getValue().problem();
            allUp &= problem.isEmpty();
            settling &= problem.isEmpty() || check.getValue().settling();
            status.put(check.getKey(), problem.orElse("UP"));
        }
        ctx.status(allUp ? 200 : 503);
        if (!detailed) {
            ctx.json(Map.of("status", allUp ? "UP" : "DOWN"));
        } else if (allUp) {
            ctx.json(Map.of("status", "UP", "checks", status));
        } else {
            ctx.json(Map.of("status", "DOWN", "checks", status, "settling", settling));
        }
    }

    /**
     * The matched route pattern, so paths with ids share one timer; a request that matched no route
     * is tagged "unmatched" (Javalin has no route path then, and raw paths would make tags unbounded).
     */
    private static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? "unmatched" : matched.path;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
    }
}
