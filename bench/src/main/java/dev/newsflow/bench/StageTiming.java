package dev.newsflow.bench;

/**
 * When a stage started, when its steady window opened (its first commit, or the first after a
 * warm-up) and when it had committed everything.
 *
 * @param records        records it went through
 * @param startNanos     its process start ({@link System#nanoTime()})
 * @param firstCommitted records covered by the commit that opened the window
 * @param firstNanos     when that commit was seen
 * @param endNanos       when the last record was committed
 */
record StageTiming(long records, long startNanos, long firstCommitted, long firstNanos, long endNanos) {

    /** Records per second after the window opened: the rate once start-up is over. */
    double steadyRate() {
        double seconds = (endNanos - firstNanos) / 1e9;
        long after = records - firstCommitted;
        return seconds <= 0 || after <= 0 ? Double.NaN : after / seconds;
    }

    /** Records per second from the process start, start-up included. */
    double overallRate() {
        return records / ((endNanos - startNanos) / 1e9);
    }
}
