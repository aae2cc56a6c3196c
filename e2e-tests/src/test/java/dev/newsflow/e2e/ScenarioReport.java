package dev.newsflow.e2e;

import java.time.Duration;
import java.util.Locale;

/**
 * One row of the fault report.
 *
 * @param scenario     what was done to the pipeline
 * @param sent         article versions sent (new, updates, kills; a batch counts each article)
 * @param acknowledged article versions answered with 202
 * @param indexed      acknowledged articles in the index at the end
 * @param deadLetters  acknowledged articles in the dead letter topic instead
 * @param lost         acknowledged writes missing from the end state (articles, updates, kills)
 * @param duplicated   articles held by more than one document (or, where checked, enriched more than once)
 * @param readyAgain   from the end of the fault until the faulted server or service answered again
 * @param caughtUp     from the end of the fault until every acknowledged article was where it belongs
 * @param note         what shows the fault was real (retries, aborted records, requests cut off)
 */
record ScenarioReport(String scenario, int sent, int acknowledged, int indexed, int deadLetters, int lost,
                      int duplicated, Duration readyAgain, Duration caughtUp, String note) {

    static final String HEADER = "| scenario | sent | acknowledged | indexed | dead letters | lost | duplicated"
            + " | ready again | caught up | evidence of the fault |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";

    String markdownRow() {
        return "| " + scenario + " | " + sent + " | " + acknowledged + " | " + indexed + " | " + deadLetters + " | "
                + lost + " | " + duplicated + " | " + seconds(readyAgain) + " | " + seconds(caughtUp) + " | " + note + " |\n";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
