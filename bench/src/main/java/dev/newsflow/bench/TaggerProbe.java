package dev.newsflow.bench;

import dev.newsflow.enrich.entities.EntityTagger;

/**
 * The entity tagger alone, for the benchmark's ceiling of the enrich stage and its JMH benchmark.
 * It loads the model before any measurement and answers a count, so a benchmark has a result to keep.
 */
public final class TaggerProbe {

    private TaggerProbe() {
    }

    /** Loads the model now, so its load time stays out of any measurement. */
    public static void load() {
        EntityTagger.shared();
    }

    /** Tags the text as the enricher does (paragraph by paragraph); answers how many names it found. */
    public static int tag(String text) {
        return EntityTagger.shared().tag(text).size();
    }
}
