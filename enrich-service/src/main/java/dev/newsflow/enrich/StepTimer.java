package dev.newsflow.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Times each enrichment step. The service records the steps as {@code newsflow.enrich.step}
 * (tag {@code step}) so an operator sees which one costs what; tests and the CLI time nothing.
 */
interface StepTimer {

    /** Runs the work of one step and returns its result. */
    <T> T time(String step, Supplier<T> work);

    /** A timer that only runs the work. */
    static StepTimer none() {
        return new StepTimer() {
            @Override
            public <T> T time(String step, Supplier<T> work) {
                return work.get();
            }
        };
    }

    /** A timer recording into Micrometer, with p50/p95/p99 per step. */
    static StepTimer recordingTo(MeterRegistry registry) {
        Map<String, Timer> timers = new ConcurrentHashMap<>();
        return new StepTimer() {
            @Override
            public <T> T time(String step, Supplier<T> work) {
                return timers.computeIfAbsent(step, name -> Timer.builder("newsflow.enrich.step")
                        .description("Time spent in one enrichment step per article")
                        .tag("step", name)
                        .publishPercentiles(0.5, 0.95, 0.99)
                        .register(registry)).record(work);
            }
        };
    }
}
