package dev.newsflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table of a fault run, logged at the end and written to {@code target/fault-report.md} for the notes.
 * The rows are kept for the whole test JVM, so the scenarios of every fault test class land in one table.
 */
final class FaultReport {

    private static final Logger log = LoggerFactory.getLogger(FaultReport.class);
    static final Path FILE = Path.of("target", "fault-report.md");

    /** Every class writes the file when it ends; the last one writes the rows of all of them. */
    private static final List<ScenarioReport> ROWS = new ArrayList<>();
    private final FaultScale scale;

    FaultReport(FaultScale scale) {
        this.scale = scale;
    }

    void add(ScenarioReport row) {
        synchronized (ROWS) {
            ROWS.add(row);
        }
        log.info("fault scenario done: {}", row);
    }

    String markdown() {
        StringBuilder table = new StringBuilder("# Fault tests: nothing acknowledged lost, nothing indexed twice\n\n")
                .append(scale.soak() ? "Soak run (" + scale.factor() + "x articles).\n\n" : "CI size.\n\n")
                .append(ScenarioReport.HEADER);
        synchronized (ROWS) {
            ROWS.forEach(row -> table.append(row.markdownRow()));
        }
        return table.toString();
    }

    /** Logs the table and writes it; a run without rows writes nothing. */
    void publish() {
        if (rowsEmpty()) {
            return;
        }
        String table = markdown();
        log.info("fault report ({}):\n{}", FILE.toAbsolutePath(), table);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    private static boolean rowsEmpty() {
        synchronized (ROWS) {
            return ROWS.isEmpty();
        }
    }
}
