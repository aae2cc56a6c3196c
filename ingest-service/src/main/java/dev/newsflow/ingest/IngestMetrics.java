package dev.newsflow.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators watch on ingest: articles accepted and rejected per source, and how long each
 * source has been silent. Sources are tagged only with configured names, so tag values stay bounded.
 */
public final class IngestMetrics {

    /** The source tag of a request whose key was missing or wrong. */
    public static final String UNKNOWN_SOURCE = "unknown";

    private static final long NEVER = -1;

    private final MeterRegistry registry;
    private final InstantSource clock;
    private final Map<String, AtomicLong> lastAcceptedMillis = new ConcurrentHashMap<>();

    /**
     * @param sources the configured sources; each gets its age gauge at once, reading NaN until
     *                its first article, so a feed that never sent anything is visible too
     */
    public IngestMetrics(MeterRegistry registry, InstantSource clock, Collection<String> sources) {
        this.registry = registry;
        this.clock = clock;
        sources.forEach(this::lastAccepted);
    }

    public void accepted(String source, int articles) {
        Counter.builder("newsflow.ingest.articles.accepted")
                .description("articles acknowledged by Kafka and answered 202")
                .tag("source", source)
                .register(registry)
                .increment(articles);
        lastAccepted(source).set(clock.millis());
    }

    /**
     * @param reason a fixed word such as {@code invalid}, {@code unauthorized}, {@code kafka_unavailable}
     */
    public void rejected(String source, String reason, int articles) {
        Counter.builder("newsflow.ingest.articles.rejected")
                .description("articles (or requests, before they could be read) refused")
                .tag("source", source)
                .tag("reason", reason)
                .register(registry)
                .increment(articles);
    }

    private AtomicLong lastAccepted(String source) {
        return lastAcceptedMillis.computeIfAbsent(source, s -> {
            AtomicLong last = new AtomicLong(NEVER);
            Gauge.builder("newsflow.ingest.source.last.article.age.seconds", last, this::ageSeconds)
                    .description("seconds since the source's last accepted article; NaN before its first")
                    .tag("source", s)
                    .register(registry);
            return last;
        });
    }

    private double ageSeconds(AtomicLong lastMillis) {
        long last = lastMillis.get();
        return last == NEVER ? Double.NaN : (clock.millis() - last) / 1000.0;
    }
}
