package dev.newsflow.bench;

/** What a bench run measures: every stage in order, or one stage alone. */
public enum BenchStage {
    /** Every stage, each reading what the one before wrote; the default. */
    ALL,
    /**
     * The enrich topology and its ceiling alone: the corpus goes untimed through ingest into the raw
     * topic (the enrich stage must read what ingest writes), and the enriched topic is checked complete.
     */
    ENRICH
}
