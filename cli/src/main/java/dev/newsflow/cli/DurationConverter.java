package dev.newsflow.cli;

import dev.newsflow.core.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a positive duration on the command line as the environment variables take them ({@link Durations}). */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration = Durations.parse(value).orElseThrow(() -> new TypeConversionException(
                "expected a duration such as " + Durations.EXAMPLES + ", got \"" + value + "\""));
        if (duration.isZero()) {
            throw new TypeConversionException("the duration must be positive");
        }
        return duration;
    }
}
