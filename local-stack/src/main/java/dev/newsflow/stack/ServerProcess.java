package dev.newsflow.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server running as a child process with its output in a log file: started, awaited
 * until ready (failing fast, with the log's tail, when it dies), and stopped.
 */
final class ServerProcess {

    private static final Logger log = LoggerFactory.getLogger(ServerProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Path logFile;
    private final Process process;

    private ServerProcess(String name, Path logFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
    }

    static ServerProcess start(String name, List<String> command, Map<String, String> environment,
                               Path workingDir, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            log.info("starting {} (log: {})", name, logFile);
            return new ServerProcess(name, logFile, builder.start());
        } catch (IOException e) {
            throw new StackStartException("cannot start " + name + ": " + e.getMessage() + " (command: "
                    + String.join(" ", command) + ")", e);
        }
    }

    /** Runs a command to completion, failing with its output when it exits non-zero. */
    static void run(String name, List<String> command, Path workingDir, Path logFile, Duration timeout) {
        ServerProcess tool = start(name, command, Map.of(), workingDir, logFile);
        try {
            if (!tool.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                tool.process.destroyForcibly();
                throw new StackStartException(name + " did not finish within " + timeout.toSeconds() + "s; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while running " + name, e);
        }
        if (tool.process.exitValue() != 0) {
            throw new StackStartException(name + " failed with exit code " + tool.process.exitValue() + "; see "
                    + logFile + ":\n" + tool.tail(20));
        }
    }

    /**
     * Waits until {@code ready} holds. Fails with the log's last lines when the process exits first
     * or the timeout passes. A check that throws counts as not ready yet.
     */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!isReady(ready)) {
                // Waiting on the process itself returns at once when it dies during start-up.
                if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                    throw new StackStartException(name + " exited with code " + process.exitValue()
                            + " while starting; see " + logFile + ":\n" + tail(30));
                }
                if (System.nanoTime() > deadline) {
                    stop();
                    throw new StackStartException(name + " was not ready within " + timeout.toSeconds()
                            + "s; see " + logFile + ":\n" + tail(30));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new StackStartException("interrupted while waiting for " + name, e);
        }
        log.info("{} is ready", name);
    }

    private static boolean isReady(BooleanSupplier ready) {
        try {
            return ready.getAsBoolean();
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Asks the server and the processes it spawned to stop, then forces them after a grace period. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}s; killing it", name, STOP_GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        log.info("{} stopped", name);
    }

    /** Kills the server at once, as a crash would (SIGKILL); for fault tests. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
