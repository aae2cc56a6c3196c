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
 * @param expected   how many answers the version waits for, once its article has arrived; until then
 *                   {@link #UNKNOWN}, which no count of answers reaches
 */
record AnswerTally(int answered, Map<String, Named> candidates, int expected) {

    static final int UNKNOWN = Integer.MAX_VALUE;
    static final AnswerTally NONE = new AnswerTally(0, Map.of(), UNKNOWN);

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

    /** The same answers, for a version whose article says it waits for {@code count} of them. */
    AnswerTally expecting(int count) {
        return new AnswerTally(answered, candidates, count);
    }

    /** Whether every answer the version waits for is in; never before its article has arrived. */
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
