package dev.newsflow.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are written to Newsflow, in environment variables and on command lines alike:
 * {@code 500ms}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 7d}, or a plain number of milliseconds.
 */
public final class Durations {

    /** What a message about a bad value shows as examples. */
    public static final String EXAMPLES = "90s, 30m, 2h, 7d or 500ms";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)?");

    private Durations() {
    }

    /** The duration the text names, or empty when it names none. */
    public static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        try {
            return Optional.of(switch (unit) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofMillis(amount);
            });
        } catch (ArithmeticException tooLong) {
            return Optional.empty();
        }
    }
}
