package dev.newsflow.bench;

/** What a bench run measures: every stage in order, or one stage alone. */
public enum BenchStage {
    /** Every stage, each reading what the one before wrote; the default. */
    ALL,
    /**
     * The enrich topology and its ceiling alone: the corpus goes untimed through ingest into the raw
     * topic (the enrich stage must read what ingest writes), and the enriched topic is checked complete.
     */
    ENRICH,
    /**
     * The end-to-end latency alone: the three services on one prefix, the sustained rate and the
     * latencies from 202 to searchable, with the split at the enriched topic, and each process's cost.
     */
    END_TO_END
}
