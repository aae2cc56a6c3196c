package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Argument parsing of both commands, without any server. */
class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void statusOptionsOverrideTheEnvironment() {
        StatusCommand status = new StatusCommand(Map.of("NEWSFLOW_STATUS_SERVICES", "ingest"), Clock.systemUTC());
        line(status).parseArgs("--services", "enrich,index", "--quiet-after", "90m", "--strict");

        CliConfig config = status.config();

        assertThat(config.checkedServices()).containsExactly("enrich", "index");
        assertThat(config.quietAfter()).isEqualTo(Duration.ofMinutes(90));
        assertThat(status.strict).isTrue();
    }

    @Test
    void statusWithoutOptionsTakesTheEnvironment() {
        StatusCommand status = new StatusCommand(Map.of("NEWSFLOW_STATUS_SERVICES", "none", "NEWSFLOW_QUIET_AFTER", "2h"),
                Clock.systemUTC());
        line(status).parseArgs();

        assertThat(status.config().checkedServices()).isEmpty();
        assertThat(status.config().quietAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(status.strict).isFalse();
    }

    @Test
    void aWrongServiceNameOrDurationIsAUsageError() {
        int badService = line(new StatusCommand(Map.of(), Clock.systemUTC())).execute("--services", "search");
        int badDuration = line(new StatusCommand(Map.of(), Clock.systemUTC())).execute("--quiet-after", "soon");

        assertThat(badService).isEqualTo(2);
        assertThat(badDuration).isEqualTo(2);
        assertThat(err.toString()).contains("--services lists services among ingest, enrich, index")
                .contains("expected a duration such as 90s");
    }

    @Test
    void dlqWithoutSubcommandShowsUsage() {
        int code = line(new DlqCommand(Map.of(), Clock.systemUTC())).execute();

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("list").contains("replay");
    }

    @Test
    void dlqRejectsUnknownOptions() {
        int code = line(new DlqCommand(Map.of(), Clock.systemUTC())).execute("replay", "--everything");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--everything");
    }

    @Test
    void helpExitsZero() {
        int code = line(new StatusCommand(Map.of(), Clock.systemUTC())).execute("--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--quiet-after").contains("NEWSFLOW_QUIET_AFTER").contains("Exit codes");
    }

    @Test
    void dlqFilterMatchesStageAndKey() {
        DeadLetter letter = DeadLetterTest.letter("index", "abc");

        assertThat(DlqCommand.filter(null, null).test(letter)).isTrue();
        assertThat(DlqCommand.filter("index", "abc").test(letter)).isTrue();
        assertThat(DlqCommand.filter("enrich", null).test(letter)).isFalse();
        assertThat(DlqCommand.filter(null, "abd").test(letter)).isFalse();
    }

    private CommandLine line(Object command) {
        return CommandLines.create(command, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
