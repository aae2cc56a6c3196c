package dev.newsflow.bench;

import java.nio.file.Path;

/**
 * How a benchmark run goes; the command line's options.
 *
 * @param articles   size of the generated corpus; every stage sends or reads it (default 2,000)
 * @param rate       the fixed offered rate of the end-to-end latency run, articles/s (default 50)
 * @param clients    concurrent HTTP clients for ingest and search (default 4)
 * @param batchSize  articles per NDJSON request (default 100)
 * @param searches   timed search requests (default 400)
 * @param seed       the corpus seed (default 42)
 * @param report     where the Markdown goes; the JSON goes beside it with {@code .json}
 * @param profileDir when set, every service JVM records JFR there and the report names its hotspots
 * @param stage      which stages run: all of them, or one alone
 */
public record BenchSettings(int articles, int rate, int clients, int batchSize, int searches, long seed,
                            Path report, Path profileDir, BenchStage stage) {

    /** The JSON report's path: the Markdown one with its extension replaced. */
    public Path jsonReport() {
        String name = report.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return report.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }
}
