package dev.newsflow.e2e;

import dev.newsflow.stack.ServiceJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a service's memory while it is under load: its heap in use, from {@code /metrics} twice a
 * second (the peak is what a dashboard would have shown), and its resident set's high-water mark,
 * which Linux keeps in {@code /proc/<pid>/status} as {@code VmHWM}.
 */
final class MemoryWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MemoryWatch.class);
    private static final long SAMPLE_MILLIS = 500;

    private final ServiceJvm service;
    private final LongAccumulator peakHeap = new LongAccumulator(Math::max, 0);
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    private MemoryWatch(ServiceJvm service) {
        this.service = service;
    }

    static MemoryWatch start(ServiceJvm service) {
        MemoryWatch watch = new MemoryWatch(service);
        watch.sampler.scheduleWithFixedDelay(watch::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    private void sample() {
        try {
            peakHeap.accumulate((long) PrometheusText.scrape(service).sum("jvm_memory_used_bytes", Map.of("area", "heap")));
        } catch (RuntimeException e) {
            // A scrape that does not come back in time is a missed sample, not a failed test; the next one follows.
            log.warn("no heap sample from {}: {}", service.name(), e.toString());
        }
    }

    /** The most heap in use that any sample saw. */
    long peakHeapBytes() {
        return peakHeap.get();
    }

    /** The largest resident set the process had in its life so far. */
    long peakRssBytes() {
        Path status = Path.of("/proc", Long.toString(service.pid()), "status");
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(status + " has no VmHWM line"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status, e);
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
