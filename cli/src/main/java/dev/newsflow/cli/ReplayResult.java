package dev.newsflow.cli;

import java.util.List;

/**
 * What a replay did.
 *
 * @param replayed        the dead letters sent back, as the ledger recorded them
 * @param skipped         dead letters that matched but could not be replayed, with the reason
 * @param alreadyReplayed how many matching dead letters an earlier replay had sent back already
 */
public record ReplayResult(List<ReplayEntry> replayed, List<Skipped> skipped, int alreadyReplayed) {

    public ReplayResult {
        replayed = List.copyOf(replayed);
        skipped = List.copyOf(skipped);
    }

    /** A dead letter left where it is, and why. */
    public record Skipped(DeadLetter deadLetter, String reason) {
    }
}
