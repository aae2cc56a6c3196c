package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.HealthCheck;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class EnrichWorkersReadinessTest {

    @Test
    void theServiceIsUnreadyOnceWorkersPileUpPastTheirBudget() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EnrichMeters meters = new EnrichMeters(registry);
        HealthCheck workers = EnrichService.workers(registry);

        meters.abandonedWorkers().set(EnrichService.MAX_ABANDONED_WORKERS - 1);
        assertThat(workers.problem()).isEmpty();

        meters.abandonedWorkers().set(EnrichService.MAX_ABANDONED_WORKERS);
        assertThat(workers.problem()).hasValueSatisfying(reason -> assertThat(reason).contains("restart"));
    }
}
