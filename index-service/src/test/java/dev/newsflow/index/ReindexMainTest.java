package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The re-index command line, without any server. */
class ReindexMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpNamesTheOption() {
        int status = line(new ReindexMain(Map.of())).execute("--help");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("newsflow reindex", "--delete-old");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        int status = line(new ReindexMain(Map.of())).execute("--delete-everything");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--delete-everything'");
    }

    @Test
    void deleteOldIsOffUnlessAsked() {
        ReindexMain keep = new ReindexMain(Map.of());
        line(keep).parseArgs();
        ReindexMain delete = new ReindexMain(Map.of());
        line(delete).parseArgs("--delete-old");

        assertThat(keep.deleteOld).isFalse();
        assertThat(delete.deleteOld).isTrue();
    }

    private CommandLine line(ReindexMain command) {
        return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }
}
