package dev.newsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run over a stack that is up: ingest, its producer ceiling, enrich, index, end to
 * end, search and cost, in that order (each stage reads what the one before wrote), then the report;
 * or the enrich stage alone.
 */
final class BenchRun {

    private static final Logger log = LoggerFactory.getLogger(BenchRun.class);
    /** ProducerPerformance sends at least this many records, enough for a steady rate at ~35k records/s. */
    private static final int MIN_PRODUCER_RECORDS = 20_000;

    private final BenchContext context;

    BenchRun(BenchContext context) {
        this.context = context;
    }

    BenchReport run(Instant startedAt, long startNanos, String machine) {
        if (context.settings().stage() == BenchStage.ENRICH) {
            return enrichAlone(startedAt, startNanos, machine);
        }
        if (context.settings().stage() == BenchStage.END_TO_END) {
            List<ServiceCost> costs = new ArrayList<>();
            EndToEndStage.Result e2e = endToEnd(costs, false).e2e();
            List<Figure> figures = new FigureTable(context.settings()).endToEnd(e2e);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return new BenchReport(startedAt, seconds, machine, context.settings(), figures, costs, hotspots());
        }
        String pipeline = context.prefix("pipe");
        IngestStage.Result ingest = new IngestStage(context).run(pipeline);
        EnrichStage.Result enrich = new EnrichStage(context).run(pipeline);
        ProducerPerfResult producer = new ProducerCeiling(context)
                .run(Math.max(MIN_PRODUCER_RECORDS, 5 * context.corpus().size()), enrich.meanRawBytes());
        IndexStage.Result index = new IndexStage(context).run(pipeline);

        List<ServiceCost> costs = new ArrayList<>();
        ServicesRun served = endToEnd(costs, true);
        List<Figure> figures = new FigureTable(context.settings()).figures(ingest, producer, enrich, index, served.e2e(),
                served.search().orElseThrow());
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new BenchReport(startedAt, seconds, machine, context.settings(), figures, costs, hotspots());
    }

    /** What ran on the end-to-end services: the end-to-end stage, and the search stage when asked for. */
    private record ServicesRun(EndToEndStage.Result e2e, Optional<SearchStage.Result> search) {
    }

    /**
     * The end-to-end stage on services of its own, adding each process's cost over it to {@code costs};
     * with {@code search}, the search stage then runs on the same services (it reads what they indexed).
     */
    private ServicesRun endToEnd(List<ServiceCost> costs, boolean search) {
        try (Pipeline services = new Pipeline(context, context.prefix("e2e"), EndToEndStage.SOURCES)) {
            Map<String, Long> pids = pids(services);
            Map<String, ProcessUsage> before = usage(pids);
            EndToEndStage.Result e2e = new EndToEndStage(context).run(services);
            Map<String, ProcessUsage> end = usage(pids);
            before.forEach((name, start) -> costs.add(new ServiceCost(name,
                    end.get(name).cpuSeconds() - start.cpuSeconds(), e2e.articles(), end.get(name).peakRssBytes())));
            return new ServicesRun(e2e, search ? Optional.of(new SearchStage(context).run(services)) : Optional.empty());
        }
    }

    /** The enrich stage over the corpus, which ingest writes to its topic untimed first. */
    private BenchReport enrichAlone(Instant startedAt, long startNanos, String machine) {
        String pipeline = context.prefix("pipe");
        new IngestStage(context).feed(pipeline);
        EnrichStage.Result enrich = new EnrichStage(context).run(pipeline);
        List<Figure> figures = new FigureTable(context.settings()).enrich(enrich);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new BenchReport(startedAt, seconds, machine, context.settings(), figures, List.of(), hotspots());
    }

    /** The end-to-end services and, when this run started them, Kafka and Elasticsearch. */
    private static Map<String, Long> pids(Pipeline services) {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.services().forEach(s -> pids.put(s.name(), s.pid()));
        pids.putAll(StackProcesses.find());
        return pids;
    }

    private static Map<String, ProcessUsage> usage(Map<String, Long> pids) {
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> usage.put(name, ProcessUsage.of(pid)));
        return usage;
    }

    /** Per recorded service, where its samples fell; a recording that cannot be read is skipped with a warning. */
    private List<Hotspots> hotspots() {
        List<Hotspots> hotspots = new ArrayList<>();
        for (Path recording : context.recordings()) {
            if (!Files.exists(recording)) {
                continue;
            }
            String label = recording.getFileName().toString().replace(".jfr", "");
            try {
                hotspots.add(JfrHotspots.read(label, recording));
            } catch (IOException e) {
                log.warn("cannot read the recording {}: {}", recording, e.toString());
            }
        }
        return hotspots;
    }
}
