package dev.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher on real child JVMs running {@link ChildMain} from the test class path. */
class ChildProcessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aToolEndsWithItsExitCodeAndItsOutputInTheLog() throws IOException {
        ChildProcess tool = ChildJvm.of(ChildMain.class.getName()).args("exit", "3").start("tool", dir.resolve("tool.log"));

        assertThat(tool.awaitExit(TIMEOUT)).isEqualTo(3);
        assertThat(Files.readString(tool.logFile())).contains("hello from the child");
        assertThat(tool.alive()).isFalse();
    }

    @Test
    void aChildThatExitsWhileStartingFailsAtOnceWithItsLog() {
        ChildProcess child = ChildJvm.of(ChildMain.class.getName()).args("exit", "1").start("quitter", dir.resolve("quitter.log"));

        // Never ready: only the child's exit can end the wait before the timeout.
        assertThatThrownBy(() -> child.awaitReady(() -> false, TIMEOUT))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("quitter exited with code 1")
                .hasMessageContaining("hello from the child");
    }

    @Test
    void stopSendsSigtermSoShutdownHooksRun() {
        Path marker = dir.resolve("hook-ran");
        ChildProcess child = startReady("serve", marker.toString());

        child.stop();

        assertThat(child.alive()).isFalse();
        assertThat(marker).exists();
    }

    @Test
    void stopKillsAChildThatDoesNotEndWithinTheGrace() {
        ChildProcess child = startReady("stubborn");

        child.stop(Duration.ofSeconds(1));

        assertThat(child.alive()).isFalse();
    }

    @Test
    void killIsSigkillSoNoShutdownHookRuns() {
        Path marker = dir.resolve("hook-ran");
        ChildProcess child = startReady("serve", marker.toString());

        child.kill();

        assertThat(child.alive()).isFalse();
        assertThat(marker).doesNotExist();
    }

    @Test
    void aFrozenChildIsStoppedUntilThawed() throws IOException {
        ChildProcess child = startReady("serve", dir.resolve("hook-ran").toString());
        try {
            child.freeze();
            assertThat(state(child)).isEqualTo('T');
            child.thaw();
            assertThat(state(child)).isNotEqualTo('T');
        } finally {
            child.kill();
        }
    }

    private ChildProcess startReady(String... args) {
        Path log = dir.resolve(args[0] + ".log");
        ChildProcess child = ChildJvm.of(ChildMain.class.getName()).args(args).start(args[0], log);
        child.awaitReady(() -> read(log).contains("ready"), TIMEOUT);
        return child;
    }

    /** The state letter in /proc/PID/stat: T for a process stopped by a signal. */
    private static char state(ChildProcess child) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(child.pid()), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
