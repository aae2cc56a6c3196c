package dev.newsflow.enrich.dedup;

import java.util.List;

/** One band's answer to an article's {@link BandOp}: the close articles it found, possibly none. */
record BandAnswer(long seq, List<Candidate> candidates) {

    BandAnswer {
        candidates = List.copyOf(candidates);
    }
}
