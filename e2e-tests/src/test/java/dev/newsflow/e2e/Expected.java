package dev.newsflow.e2e;

import java.util.List;

/**
 * What the index must hold for one article at the end: what its latest acknowledged version leaves
 * (the document at that version, or none for a kill). A version sent after it that never got an
 * answer may or may not have been stored, so what it would leave is allowed too.
 *
 * @param acknowledged     the latest version answered with 202
 * @param unconfirmedLater versions sent after it without an answer, in the order sent
 */
record Expected(Submission acknowledged, List<Submission> unconfirmedLater) {

    Expected {
        unconfirmedLater = List.copyOf(unconfirmedLater);
    }

    /** Whether a document at {@code version} ({@code null}: no document) is an allowed end state. */
    boolean allows(Long version) {
        return leaves(acknowledged, version) || unconfirmedLater.stream().anyMatch(s -> leaves(s, version));
    }

    private static boolean leaves(Submission submission, Long version) {
        return submission.killed() ? version == null : version != null && version == submission.version();
    }
}
