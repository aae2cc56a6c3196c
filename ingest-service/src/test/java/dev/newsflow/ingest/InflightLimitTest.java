package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InflightLimitTest {

    @Test
    void admitsWhileBothBoundsHoldAndFreesOnClose() {
        InflightLimit limit = new InflightLimit(100, 2);

        Optional<InflightLimit.Admission> first = limit.tryAdmit(60);
        Optional<InflightLimit.Admission> tooBig = limit.tryAdmit(41);
        Optional<InflightLimit.Admission> second = limit.tryAdmit(40);
        Optional<InflightLimit.Admission> third = limit.tryAdmit(0);

        assertThat(first).isPresent();
        assertThat(tooBig).as("60 + 41 bytes exceed 100").isEmpty();
        assertThat(second).isPresent();
        assertThat(third).as("a third request exceeds 2").isEmpty();

        first.orElseThrow().close();
        first.orElseThrow().close();
        assertThat(limit.tryAdmit(60)).as("closing twice frees once, so 40 + 60 fit but no more").isPresent();
        assertThat(limit.tryAdmit(0)).isEmpty();
    }

    @Test
    void anAdmissionGrowsOnlyWithinTheBoundAndKeepsWhatItHeld() {
        InflightLimit limit = new InflightLimit(100, 10);
        InflightLimit.Admission chunked = limit.tryAdmit(0).orElseThrow();

        assertThat(chunked.cover(70)).isTrue();
        assertThat(chunked.cover(50)).as("already covered").isTrue();
        assertThat(limit.tryAdmit(31)).isEmpty();
        assertThat(chunked.cover(101)).isFalse();
        assertThat(limit.tryAdmit(30)).as("the failed growth reserved nothing").isPresent();
    }

    @Test
    void showsWhatIsInFlightOnTheMetrics() {
        PrometheusMeterRegistry registry = Metrics.registry("ingest-test");
        InflightLimit limit = new InflightLimit(1000, 10);
        limit.bindTo(registry);

        limit.tryAdmit(300).orElseThrow();

        assertThat(registry.scrape())
                .containsPattern("newsflow_ingest_inflight_bytes\\{[^}]*} 300\\.0")
                .containsPattern("newsflow_ingest_inflight_requests\\{[^}]*} 1\\.0");
    }
}
