package dev.newsflow.enrich;

import dev.newsflow.enrich.dedup.DuplicateCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** The counters the enrich stream keeps; dead letters are tagged with the class of the error. */
final class EnrichMeters implements DuplicateCounter {

    static final String ABANDONED_WORKERS = "newsflow.enrich.abandoned.workers";

    private final MeterRegistry registry;
    private final Counter enriched;
    private final Counter withdrawn;
    private final Counter duplicates;
    private final AtomicInteger abandonedWorkers = new AtomicInteger();

    EnrichMeters(MeterRegistry registry) {
        this.registry = registry;
        this.enriched = Counter.builder("newsflow.enrich.articles")
                .description("Articles enriched and written to the enriched topic")
                .register(registry);
        this.withdrawn = Counter.builder("newsflow.enrich.withdrawn")
                .description("Withdrawn articles written as tombstones")
                .register(registry);
        this.duplicates = Counter.builder("newsflow.enrich.duplicates")
                .description("Articles marked as near-duplicates of an earlier article")
                .register(registry);
        Gauge.builder(ABANDONED_WORKERS, abandonedWorkers, AtomicInteger::get)
                .description("Enrichment workers given up after running past the record budget (each may still hold a core)")
                .register(registry);
    }

    /** Shared by every task's {@link EnrichmentBudget}. */
    AtomicInteger abandonedWorkers() {
        return abandonedWorkers;
    }

    void enriched() {
        enriched.increment();
    }

    void withdrawn() {
        withdrawn.increment();
    }

    @Override
    public void duplicate() {
        duplicates.increment();
    }

    void deadLetter(Throwable error) {
        Counter.builder("newsflow.enrich.deadletters")
                .description("Records sent to the dead letter topic")
                .tag("error", error.getClass().getSimpleName())
                .register(registry)
                .increment();
    }
}
