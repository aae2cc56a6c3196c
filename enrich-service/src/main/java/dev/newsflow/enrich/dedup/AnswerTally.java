package dev.newsflow.enrich.dedup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The band answers one article version has received so far, with each candidate they named.
 *
 * @param answered   how many bands have answered
 * @param candidates by id: the candidate and in how many answers it was named
 * @param expected   how many answers the version waits for: one per band key of its fingerprint
 */
record AnswerTally(int answered, Map<String, Named> candidates, int expected) {

    AnswerTally {
        candidates = Map.copyOf(candidates);
    }

    AnswerTally with(BandAnswer answer) {
        Map<String, Named> next = new HashMap<>(candidates);
        for (Candidate c : answer.candidates()) {
            next.merge(c.id(), new Named(c, 1), (a, b) -> new Named(a.candidate(), a.times() + 1));
        }
        return new AnswerTally(answered + 1, next, expected);
    }

    /** No answer yet, out of {@code count}. */
    static AnswerTally awaiting(int count) {
        return new AnswerTally(0, Map.of(), count);
    }

    /** Whether every answer the version waits for is in. */
    boolean complete() {
        return answered >= expected;
    }

    /**
     * The original: the first, in dedup order, of the candidates that may be named. An earlier candidate may
     * always be. A later one (by record time) only when it was already filed in every band the two share, which
     * means it never saw this article and so cannot have named it: the copy that reaches dedup second is then
     * the duplicate even if its ingest time is older (a lagging partition), and two copies never name each other.
     */
    Optional<String> original() {
        return candidates.values().stream()
                .filter(n -> n.candidate().earlier() || n.times() == n.candidate().sharedBands())
                .map(Named::candidate)
                .min(Comparator.comparing(Candidate::firstSeen).thenComparing(Candidate::id))
                .map(Candidate::id);
    }

    /** A candidate and the number of band answers that named it. */
    record Named(Candidate candidate, int times) {
    }
}
