package dev.newsflow.bench;

import java.time.Instant;
import java.util.List;

/**
 * Everything one {@code ./newsflow bench} run found, rendered as the printed table, Markdown and JSON.
 *
 * @param startedAt  when the run began
 * @param seconds    how long it took, stack start included
 * @param machine    cores, memory, OS and JVM, because absolute figures only mean something with them
 * @param settings   the options it ran with
 * @param figures    the table, stage by stage
 * @param costs      CPU and memory per process
 * @param hotspots   per service, the methods where its CPU samples fell most (with --profile), else empty
 */
public record BenchReport(Instant startedAt, double seconds, String machine, BenchSettings settings,
                          List<Figure> figures, List<ServiceCost> costs, List<Hotspots> hotspots) {

    public BenchReport {
        figures = List.copyOf(figures);
        costs = List.copyOf(costs);
        hotspots = List.copyOf(hotspots);
    }
}
