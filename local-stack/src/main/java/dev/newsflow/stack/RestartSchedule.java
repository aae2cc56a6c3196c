package dev.newsflow.stack;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Durations;
import dev.newsflow.core.Env;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When {@code ./newsflow up --cluster} starts again a broker, node or instance that stopped unexpectedly:
 * once it has been down for a pause, so that an operator running a fault drill sees the cluster degraded
 * in {@code ./newsflow status} before it heals. A member whose restart failed waits another pause.
 *
 * <p>{@value #VARIABLE} sets the pause ({@code 15s} by default); {@code off} never restarts.
 */
final class RestartSchedule {

    static final String VARIABLE = "NEWSFLOW_CLUSTER_RESTART_AFTER";
    static final Duration DEFAULT_PAUSE = Duration.ofSeconds(15);

    /** Empty: off. */
    private final Optional<Duration> pause;
    private final Map<String, Instant> downSince = new HashMap<>();

    RestartSchedule(Optional<Duration> pause) {
        this.pause = pause;
    }

    static RestartSchedule fromEnv(Env env) {
        Optional<String> value = env.find(VARIABLE);
        if (value.isEmpty()) {
            return new RestartSchedule(Optional.of(DEFAULT_PAUSE));
        }
        if (value.get().equalsIgnoreCase("off")) {
            return new RestartSchedule(Optional.empty());
        }
        return new RestartSchedule(Optional.of(Durations.parse(value.get()).orElseThrow(() -> new ConfigException(
                VARIABLE + " must be a duration such as 15s or 2m, or off, got \"" + value.get() + "\""))));
    }

    /** The pause before a restart; empty when restarts are off. */
    Optional<Duration> pause() {
        return pause;
    }

    /**
     * Notes which members are down at {@code now} (one running again is forgotten) and returns those down
     * for the whole pause, in the order given.
     */
    List<String> due(List<String> down, Instant now) {
        downSince.keySet().retainAll(down);
        List<String> due = new ArrayList<>();
        for (String name : down) {
            Instant since = downSince.computeIfAbsent(name, first -> now);
            if (pause.isPresent() && !now.isBefore(since.plus(pause.get()))) {
                due.add(name);
            }
        }
        return due;
    }

    /** A restart of {@code name} failed at {@code now}: it is tried again after another pause. */
    void failed(String name, Instant now) {
        downSince.put(name, now);
    }
}
