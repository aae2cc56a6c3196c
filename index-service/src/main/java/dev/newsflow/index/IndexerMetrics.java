package dev.newsflow.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The indexer's meters (documents, conflicts, dead letters, bulk failures and retries, order waits, bulk and end-to-end timers). */
public final class IndexerMetrics {

    private final Counter indexed;
    private final Counter deleted;
    private final Counter conflicts;
    private final Counter deadLetters;
    private final Counter bulkFailures;
    private final Counter retries;
    private final Counter orderWaits;
    private final Timer bulkRequests;
    private final Timer endToEnd;

    public IndexerMetrics(MeterRegistry registry) {
        indexed = Counter.builder("newsflow.index.documents").tag("result", "indexed")
                .description("documents Elasticsearch confirmed").register(registry);
        deleted = Counter.builder("newsflow.index.documents").tag("result", "deleted")
                .description("documents Elasticsearch confirmed").register(registry);
        conflicts = Counter.builder("newsflow.index.version.conflicts")
                .description("writes skipped because the index holds a newer or equal version").register(registry);
        deadLetters = Counter.builder("newsflow.index.deadletters")
                .description("records sent to the dead letter topic").register(registry);
        bulkFailures = Counter.builder("newsflow.index.bulk.failures")
                .description("bulk requests or items Elasticsearch did not take, to be retried").register(registry);
        retries = Counter.builder("newsflow.index.bulk.retries")
                .description("times the consumer paused and went back to the first unconfirmed offset").register(registry);
        orderWaits = Counter.builder("newsflow.index.order.waits")
                .description("writes that waited for an earlier write of the same id to be confirmed").register(registry);
        bulkRequests = Timer.builder("newsflow.index.bulk.requests")
                .description("bulk request round trips").register(registry);
        endToEnd = Timer.builder("newsflow.index.latency")
                .description("indexed_at - ingested_at of each indexed article")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    void confirmed(WriteOutcome.Confirmed outcome) {
        switch (outcome.kind()) {
            case INDEXED -> {
                indexed.increment();
                PendingWrite write = outcome.write();
                if (write.ingestedAt() != null) {
                    endToEnd.record(Duration.between(write.ingestedAt(), write.indexedAt()));
                }
            }
            case DELETED -> deleted.increment();
            case VERSION_CONFLICT -> conflicts.increment();
            case DEAD_LETTERED -> deadLetters.increment();
        }
    }

    void bulkFailure() {
        bulkFailures.increment();
    }

    void retry() {
        retries.increment();
    }

    void orderWait() {
        orderWaits.increment();
    }

    void bulkRequest(Duration took) {
        bulkRequests.record(took);
    }
}
