package dev.newsflow.stack;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A broker, node or service instance of {@code ./newsflow up --cluster}, as its watcher sees it.
 *
 * @param name    {@code kafka-2}, {@code es-3}, {@code enrich-1}: also the stem of its {@code NEWSFLOW_PID_*} line
 * @param log     where its output goes
 * @param running whether its process runs
 * @param restart starts it again on its ports and data and returns once it is ready
 * @param pid     the process to kill to crash it
 */
record ClusterMember(String name, Path log, BooleanSupplier running, Runnable restart, LongSupplier pid) {

    /** {@code NEWSFLOW_PID_ENRICH_2}. */
    String pidVariable() {
        return "NEWSFLOW_PID_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
