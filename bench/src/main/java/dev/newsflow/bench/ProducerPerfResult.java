package dev.newsflow.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary Kafka's {@code ProducerPerformance} prints last, e.g. {@code 20000 records sent,
 * 35714.3 records/sec (68.12 MB/sec), 210.5 ms avg latency, 412.0 ms max latency, 201 ms 50th,
 * 390 ms 95th, 405 ms 99th, 411 ms 99.9th.}
 *
 * @param records       records sent
 * @param recordsPerSec throughput
 * @param mbPerSec      throughput in MB/s
 * @param p50Ms         median send latency
 * @param p99Ms         99th percentile send latency
 */
public record ProducerPerfResult(long records, double recordsPerSec, double mbPerSec, double p50Ms, double p99Ms) {

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\).*?(\\d+) ms 50th, \\d+ ms 95th, (\\d+) ms 99th");

    /** The summary from the tool's whole output; the progress lines it prints first do not match. */
    static Optional<ProducerPerfResult> parse(String output) {
        ProducerPerfResult last = null;
        Matcher m = SUMMARY.matcher(output);
        while (m.find()) {
            last = new ProducerPerfResult(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)));
        }
        return Optional.ofNullable(last);
    }
}
