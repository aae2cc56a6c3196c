package dev.newsflow.enrich;

/**
 * The entity tagger alone, for the benchmark's ceiling of the enrich stage and its JMH benchmark.
 * It lives in the enrich package because {@code EntityTagger.tag} is package-private there; a
 * public entry point in enrich-service would let this class go.
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
