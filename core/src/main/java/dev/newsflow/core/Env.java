package dev.newsflow.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of configuration variables. {@code main} passes {@code System.getenv()},
 * tests pass a map. A malformed value fails with a {@link ConfigException} naming it.
 */
public record Env(Map<String, String> values) {

    public Env {
        values = Map.copyOf(values);
    }

    /** The trimmed value, when set and not blank. */
    public Optional<String> find(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String name, String fallback) {
        return find(name).orElse(fallback);
    }

    public String required(String name) {
        return find(name).orElseThrow(() -> new ConfigException(name + " must be set"));
    }

    public int integer(String name, int fallback) {
        return find(name).map(v -> parseInt(name, v)).orElse(fallback);
    }

    public long bytes(String name, long fallback) {
        return find(name).map(v -> parseBytes(name, v)).orElse(fallback);
    }

    /** A duration such as {@code 10s}, {@code 500ms}, {@code 2m}, or a plain number of milliseconds. */
    public Duration duration(String name, Duration fallback) {
        return find(name).map(v -> parseDuration(name, v)).orElse(fallback);
    }

    /** A TCP port between 1 and 65535 (0 means any free port). */
    public int port(String name, int fallback) {
        int port = integer(name, fallback);
        if (port < 0 || port > 65535) {
            throw new ConfigException(name + " must be a port between 0 and 65535, got " + port);
        }
        return port;
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got \"" + value + "\"");
        }
    }

    private static long parseBytes(String name, String value) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        if (v.endsWith("kib") || v.endsWith("kb") || v.endsWith("k")) {
            unit = 1024;
        } else if (v.endsWith("mib") || v.endsWith("mb") || v.endsWith("m")) {
            unit = 1024 * 1024;
        } else if (v.endsWith("gib") || v.endsWith("gb") || v.endsWith("g")) {
            unit = 1024L * 1024 * 1024;
        }
        String digits = v.replaceAll("[a-z]+$", "");
        try {
            return Long.parseLong(digits) * unit;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a size such as 5MiB or 1048576, got \"" + value + "\"");
        }
    }

    private static Duration parseDuration(String name, String value) {
        return Durations.parse(value).orElseThrow(() -> new ConfigException(
                name + " must be a duration such as " + Durations.EXAMPLES + ", got \"" + value + "\""));
    }
}
