package dev.newsflow.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process started by this JVM with its output in a log file: awaited until ready (failing fast, with
 * the log's tail, when it dies first) or until it ends, stopped with SIGTERM and, after a grace period,
 * SIGKILL, or killed at once as a crash would. It runs the local stack's servers, and through
 * {@link ChildJvm} and {@link ServiceJvm} the services that the end-to-end tests and the bench start.
 */
public final class ChildProcess {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path logFile;
    private final Process process;

    private ChildProcess(String name, Path logFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts {@code command} with {@code environment} added to this JVM's, output and errors appended to
     * {@code logFile}.
     *
     * @param workingDir its working folder; null for this JVM's
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDir, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir == null ? null : workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            log.info("starting {} (log: {})", name, logFile.toAbsolutePath());
            return new ChildProcess(name, logFile, builder.start());
        } catch (IOException e) {
            throw new StackStartException("cannot start " + name + ": " + e.getMessage() + " (command: "
                    + String.join(" ", command) + ")", e);
        }
    }

    /**
     * Waits until {@code ready} holds. Fails with the log's last lines when the process exits first, or
     * stops it and fails when the timeout passes. A check that throws counts as not ready yet.
     */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!isReady(ready)) {
                // Waiting on the process itself returns at once when it dies during start-up.
                if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                    throw new StackStartException(name + " exited with code " + process.exitValue()
                            + " while starting; see " + logFile.toAbsolutePath() + ":\n" + tail(30));
                }
                if (System.nanoTime() > deadline) {
                    stop();
                    throw new StackStartException(name + " was not ready within " + timeout.toSeconds()
                            + "s; see " + logFile.toAbsolutePath() + ":\n" + tail(30));
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

    /**
     * Waits for a process meant to end by itself (a tool rather than a server) and returns its exit code.
     * One still running after {@code timeout} is killed, and that fails with the log's last lines.
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new StackStartException(name + " did not finish within " + timeout.toSeconds() + "s; see "
                        + logFile.toAbsolutePath() + ":\n" + tail(20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new StackStartException("interrupted while running " + name, e);
        }
        return process.exitValue();
    }

    public String name() {
        return name;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The processes it started that are still its descendants (Elasticsearch's launcher starts the server JVM). */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** Stops it as {@link #stop(Duration)} does, with 30 seconds' grace. */
    public void stop() {
        stop(STOP_GRACE);
    }

    /**
     * Asks the process and those it spawned to stop (SIGTERM, so shutdown hooks run), then kills them
     * (SIGKILL) if they have not ended within {@code grace}.
     */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        boolean interrupted = false;
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}s; killing it", name, grace.toSeconds());
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        // What it spawned may outlive it (Elasticsearch's launcher starts the server JVM), so the
        // children seen before SIGTERM are killed too, not only those still its descendants.
        children.forEach(ProcessHandle::destroyForcibly);
        kill();
        // Restored only now: kill()'s short wait for the SIGKILLed process would fail on an interrupted thread.
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        log.info("{} stopped", name);
    }

    /**
     * Kills the process and those it spawned at once, as a crash would (SIGKILL: no shutdown hook runs),
     * and returns once it has ended.
     */
    public void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not end within " + KILL_TIMEOUT.toSeconds()
                        + "s of SIGKILL");
            }
            // Elasticsearch's server JVM is a child of its launcher and holds the ports: a start right
            // after the kill must not find them still bound.
            for (ProcessHandle child : children) {
                child.onExit().get(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a process started by " + name + " did not end within "
                    + KILL_TIMEOUT.toSeconds() + "s of SIGKILL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to end", e);
        }
    }

    /**
     * Freezes the process (SIGSTOP), so a test can look at what it left elsewhere at one instant;
     * {@link #thaw()} lets it go on.
     */
    public void freeze() {
        signal("STOP");
    }

    /** Lets a {@linkplain #freeze() frozen} process go on (SIGCONT). */
    public void thaw() {
        signal("CONT");
    }

    /** Java has no API for SIGSTOP and SIGCONT; kill(1) sends them. */
    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIG" + signal + " to " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to " + name, e);
        }
    }

    public Path logFile() {
        return logFile;
    }

    /** The log's last {@code lines} lines, for a failure message. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
