package dev.newsflow.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One Newsflow service in a JVM of its own, as production runs it, on 127.0.0.1 at the port its
 * environment gives it, and ready once {@code GET /health/ready} answers 200. Fault tests kill it
 * with SIGKILL, as a crash would, and {@linkplain #restart() start it again} with the same settings;
 * {@link #close()} stops it as an orchestrator would: SIGTERM, then SIGKILL after a minute.
 */
public final class ServiceJvm implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    // Enough for a service to flush what it holds and for a JFR recording to be written at exit.
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final String name;
    private final int port;
    private final ChildJvm jvm;
    private final Path logFile;
    private volatile ChildProcess process;

    private ServiceJvm(String name, int port, ChildJvm jvm, Path logFile) {
        this.name = name;
        this.port = port;
        this.jvm = jvm;
        this.logFile = logFile;
    }

    /**
     * Starts the service and returns once it is ready.
     *
     * @param port    the port {@code jvm}'s environment tells the service to listen on
     * @param logFile where its output goes, appended across restarts
     * @throws StackStartException with the log's tail when it exits or is not ready within two minutes
     */
    public static ServiceJvm start(String name, int port, ChildJvm jvm, Path logFile) {
        ServiceJvm service = new ServiceJvm(name, port, jvm, logFile);
        service.launch();
        return service;
    }

    public String name() {
        return name;
    }

    /** The running JVM's process id, for reading its CPU time and memory from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    /** Where its output goes, across restarts. */
    public Path logFile() {
        return logFile;
    }

    public boolean alive() {
        return process.alive();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** Whether {@code /health/ready} answers 200 now. */
    public boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the JVM with SIGKILL: no shutdown hook runs. Returns once it has ended. */
    public void kill() {
        process.kill();
    }

    /** Starts the service again after {@link #kill()}, same settings and port, and waits until it is ready. */
    public void restart() {
        if (process.alive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    /** See {@link ChildProcess#freeze()}. */
    public void freeze() {
        process.freeze();
    }

    public void thaw() {
        process.thaw();
    }

    private void launch() {
        ChildProcess started = jvm.start(name, logFile);
        process = started;
        started.awaitReady(this::ready, START_TIMEOUT);
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
