package dev.newsflow.enrich;

import dev.newsflow.enrich.dedup.DuplicateCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The counters the enrich stream keeps; dead letters are tagged with the class of the error. */
final class EnrichMeters implements DuplicateCounter {

    private final MeterRegistry registry;
    private final Counter enriched;
    private final Counter withdrawn;
    private final Counter duplicates;

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
