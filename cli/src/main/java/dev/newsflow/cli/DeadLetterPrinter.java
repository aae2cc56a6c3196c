package dev.newsflow.cli;

import dev.newsflow.core.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Writes dead letters for {@code newsflow dlq list} and the outcome of a replay. */
public final class DeadLetterPrinter {

    private static final int REASON_CHARS = 300;
    private static final int PREVIEW_CHARS = 160;

    private final PrintWriter out;

    public DeadLetterPrinter(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param shown    the dead letters to show, oldest first
     * @param total    how many matched before the limit
     * @param replayed the ledger's entries by dead letter id
     */
    public void list(String topic, List<DeadLetter> shown, int total, Map<String, ReplayEntry> replayed) {
        if (total == 0) {
            out.println("No dead letters in " + topic + " match.");
            out.flush();
            return;
        }
        out.println(total + " dead letters in " + topic + (shown.size() < total ? ", the newest " + shown.size() + " shown" : "")
                + " (ID is partition@offset)");
        for (DeadLetter letter : shown) {
            out.println();
            ReplayEntry entry = replayed.get(letter.id());
            out.println(letter.id() + "  " + Json.format(letter.time()) + "  stage " + letter.stage() + "  key "
                    + letter.keyText() + "  " + (entry == null ? "NOT REPLAYED"
                    : "REPLAYED " + Json.format(entry.replayedAt()) + " to " + entry.targetTopic() + " " + entry.targetPosition()));
            out.println("  reason:  " + Text.abbreviate(letter.reason(), REASON_CHARS));
            if (letter.originalTopic() != null) {
                out.println("  from:    " + letter.originalTopic() + " " + letter.originalPosition());
            }
            out.println("  preview: " + letter.preview(PREVIEW_CHARS));
        }
        out.flush();
    }

    public void replay(ReplayResult result, String ledgerTopic) {
        for (ReplayEntry entry : result.replayed()) {
            out.println("replayed " + entry.deadLetter() + " (stage " + entry.stage() + ", key " + entry.key() + ") to "
                    + entry.targetTopic() + " " + entry.targetPosition());
        }
        for (ReplayResult.Skipped skipped : result.skipped()) {
            out.println("skipped  " + skipped.deadLetter().id() + " (stage " + skipped.deadLetter().stage() + ", key "
                    + skipped.deadLetter().keyText() + "): " + skipped.reason());
        }
        out.println(result.replayed().size() + " replayed, " + result.skipped().size() + " skipped, "
                + result.alreadyReplayed() + " replayed before"
                + (result.replayed().isEmpty() ? "" : "; recorded in " + ledgerTopic));
        out.flush();
    }
}
