package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IngestMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-05-01T12:00:00Z"));
    private final InstantSource clock = now::get;
    private final IngestMetrics metrics = new IngestMetrics(registry, clock, List.of("reuters", "ap"));

    private double age(String source) {
        return registry.get("newsflow.ingest.source.last.article.age.seconds").tag("source", source).gauge().value();
    }

    @Test
    void countsAcceptedAndRejectedArticlesPerSource() {
        metrics.accepted("reuters", 3);
        metrics.accepted("reuters", 1);
        metrics.rejected("ap", "invalid", 2);
        metrics.rejected(IngestMetrics.UNKNOWN_SOURCE, "unauthorized", 1);

        assertThat(registry.get("newsflow.ingest.articles.accepted").tag("source", "reuters").counter().count())
                .isEqualTo(4);
        assertThat(registry.get("newsflow.ingest.articles.rejected").tags("source", "ap", "reason", "invalid")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("newsflow.ingest.articles.rejected").tags("source", "unknown", "reason", "unauthorized")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void theAgeGaugeIsNaNUntilTheFirstArticleThenCountsSeconds() {
        assertThat(age("ap")).isNaN();

        metrics.accepted("ap", 1);
        now.set(now.get().plusMillis(90_500));

        assertThat(age("ap")).isEqualTo(90.5);
        assertThat(age("reuters")).isNaN();

        metrics.accepted("ap", 1);
        assertThat(age("ap")).isZero();
    }
}
