package dev.newsflow.bench;

import java.util.Optional;

/**
 * One line of the benchmark table: what a stage achieved beside the ceiling it is measured against.
 *
 * @param stage        ingest, enrich, index, end-to-end, search
 * @param measure      what was measured, e.g. "NDJSON batches of 100, 4 clients"
 * @param value        the stage's figure
 * @param unit         e.g. "articles/s" or "ms"
 * @param ceiling      what the figure is compared with, e.g. "Kafka ProducerPerformance"; null when nothing
 * @param ceilingValue the ceiling's figure in the same unit; NaN when there is none
 * @param minRatio     the target for {@link #ratio()} (at least); NaN when none
 * @param maxValue     the target for {@code value} (at most); NaN when none
 */
public record Figure(String stage, String measure, double value, String unit, String ceiling, double ceilingValue,
                     double minRatio, double maxValue) {

    /** A throughput beside its ceiling, with no target. */
    public static Figure rate(String stage, String measure, double value, String ceiling, double ceilingValue) {
        return new Figure(stage, measure, value, "articles/s", ceiling, ceilingValue, Double.NaN, Double.NaN);
    }

    /** A figure without a ceiling (latencies, search, a ceiling itself). */
    public static Figure alone(String stage, String measure, double value, String unit) {
        return new Figure(stage, measure, value, unit, null, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The same figure in another unit. */
    public Figure in(String otherUnit) {
        return new Figure(stage, measure, value, otherUnit, ceiling, ceilingValue, minRatio, maxValue);
    }

    /** The same figure with a target for its ratio. */
    public Figure atLeast(double ratio) {
        return new Figure(stage, measure, value, unit, ceiling, ceilingValue, ratio, maxValue);
    }

    /** The same figure with an upper bound for its value. */
    public Figure atMost(double bound) {
        return new Figure(stage, measure, value, unit, ceiling, ceilingValue, minRatio, bound);
    }

    /** value ÷ ceiling; NaN when there is no ceiling or it is zero. */
    public double ratio() {
        return Ratio.of(value, ceilingValue);
    }

    /** Whether the target is met; empty when the figure has no target or could not be measured. */
    public Optional<Boolean> met() {
        if (!Double.isNaN(minRatio)) {
            return Double.isNaN(ratio()) ? Optional.empty() : Optional.of(ratio() >= minRatio);
        }
        if (!Double.isNaN(maxValue)) {
            return Double.isNaN(value) ? Optional.empty() : Optional.of(value <= maxValue);
        }
        return Optional.empty();
    }
}
