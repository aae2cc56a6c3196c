package dev.newsflow.core;

import java.util.Optional;

/** One dependency a service needs to do its work; reports what is wrong, or nothing when it is fine. */
@FunctionalInterface
public interface HealthCheck {

    /** A short reason the dependency is not usable now, or empty when it is. Must not block for long. */
    Optional<String> problem();

    /**
     * Whether the problem it reports now is a phase the service works through by itself, such as a
     * rebalance or a restore of state, rather than one that needs an operator. {@code ./newsflow status}
     * counts a service with no instance ready but one settling as degraded, not down.
     */
    default boolean settling() {
        return false;
    }
}
