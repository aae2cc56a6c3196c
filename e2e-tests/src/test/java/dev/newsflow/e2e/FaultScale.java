package dev.newsflow.e2e;

import java.time.Duration;
import java.util.Locale;

/**
 * How large the fault scenarios run, read in this one place: the CI size by default, ten times the
 * articles (and so about ten times the stream's duration, at the same rate) with
 * {@code -Dnewsflow.soak=true} or {@code NEWSFLOW_SOAK=true}.
 *
 * @param factor what every article count and every wait for the pipeline to catch up is multiplied by
 */
record FaultScale(int factor) {

    static final String PROPERTY = "newsflow.soak";
    static final String VARIABLE = "NEWSFLOW_SOAK";
    private static final int SOAK_FACTOR = 10;

    static FaultScale current() {
        String soak = System.getProperty(PROPERTY, System.getenv().getOrDefault(VARIABLE, "false"));
        return new FaultScale(Boolean.parseBoolean(soak.trim().toLowerCase(Locale.ROOT)) ? SOAK_FACTOR : 1);
    }

    int articles(int ciArticles) {
        return ciArticles * factor;
    }

    /** A wait that grows with the backlog a bigger stream can leave. */
    Duration patience(Duration ci) {
        return ci.multipliedBy(factor);
    }

    boolean soak() {
        return factor > 1;
    }
}
