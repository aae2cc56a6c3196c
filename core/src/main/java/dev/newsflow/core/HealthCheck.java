package dev.newsflow.core;

import java.util.Optional;

/** One dependency a service needs to do its work; reports what is wrong, or nothing when it is fine. */
@FunctionalInterface
public interface HealthCheck {

    /** A short reason the dependency is not usable now, or empty when it is. Must not block for long. */
    Optional<String> problem();
}
