package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void agesReadLikeAnOperatorSaysThem() {
        assertThat(Text.age(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Text.age(Duration.ofMinutes(5).plusSeconds(59))).isEqualTo("5m");
        assertThat(Text.age(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(Text.age(Duration.ofMinutes(192))).isEqualTo("3h12m");
        assertThat(Text.age(Duration.ofHours(52))).isEqualTo("2d4h");
        assertThat(Text.age(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    @Test
    void abbreviatesWithAnEllipsis() {
        assertThat(Text.abbreviate("short", 10)).isEqualTo("short");
        assertThat(Text.abbreviate("a longer text", 6)).isEqualTo("a lon…");
        assertThat(Text.abbreviate(null, 6)).isEmpty();
    }

    @Test
    void tableColumnsAlignToTheWidestCell() {
        StringWriter text = new StringWriter();
        new TextTable("A", "BB", "C").row("xxx", 1, "last").row("y", null, "").print(new PrintWriter(text, true), "> ");

        assertThat(text.toString().lines()).containsExactly(
                "> A    BB  C",
                "> xxx  1   last",
                "> y    -");
    }

    @Test
    void durationsParseLikeTheEnvironment() {
        DurationConverter converter = new DurationConverter();

        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(converter.convert("2H")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(converter.convert("1500")).isEqualTo(Duration.ofMillis(1500));
    }
}
