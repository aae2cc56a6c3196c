package dev.newsflow.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of a set of measured durations, by the nearest-rank method: p99 of 200 samples is
 * the 198th smallest, an observed value rather than an interpolation between two.
 *
 * @param count how many samples
 * @param p50   milliseconds
 * @param p95   milliseconds
 * @param p99   milliseconds
 * @param max   milliseconds
 */
public record Latencies(int count, double p50, double p95, double p99, double max) {

    public static final Latencies NONE = new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** From durations in nanoseconds, in any order. */
    public static Latencies ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, millis(sorted, 50), millis(sorted, 95), millis(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    public static Latencies ofNanos(Collection<Long> nanos) {
        return ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    /** The nearest-rank percentile: the smallest sample with at least {@code percent}% of samples at or below it. */
    static long nearestRank(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double millis(long[] sorted, double percent) {
        return nearestRank(sorted, percent) / 1e6;
    }
}
