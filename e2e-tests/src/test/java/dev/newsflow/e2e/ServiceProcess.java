package dev.newsflow.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Newsflow service running as its own JVM, as in production: started from the test's
 * class path with its main class and environment, awaited until {@code /health/ready} answers.
 * Fault tests kill it with SIGKILL, as a crash would, and start it again with the same
 * environment and port.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final String mainClass;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private volatile Process process;

    private ServiceProcess(String name, String mainClass, int port, Map<String, String> env) {
        this.name = name;
        this.mainClass = mainClass;
        this.port = port;
        this.env = Map.copyOf(env);
        this.log = Path.of("target", "e2e-logs", name + "-" + port + ".log");
    }

    static ServiceProcess start(String name, String mainClass, int port, Map<String, String> env) {
        ServiceProcess service = new ServiceProcess(name, mainClass, port, env);
        service.launch();
        service.awaitReady();
        return service;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    String name() {
        return name;
    }

    /** The running JVM's process id, for reading its memory from {@code /proc}. */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Kills the JVM with SIGKILL (what {@code destroyForcibly} sends on Linux): no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Starts the service again after {@link #kill()}, same environment and port, and waits until it is ready. */
    void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        awaitReady();
    }

    /**
     * Freezes the JVM with SIGSTOP, so a test can look at what it left in Kafka and Elasticsearch at
     * one instant and decide whether that instant is the one to kill it in. {@link #thaw()} lets it go on.
     */
    void freeze() {
        signal("STOP");
    }

    void thaw() {
        signal("CONT");
    }

    /** Whether {@code /health/ready} answers 200 now. */
    boolean ready() {
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

    /** The service's {@code /metrics}, as Prometheus would scrape it. */
    PrometheusText metrics() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " /metrics answered " + response.statusCode());
            }
            return new PrometheusText(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " /metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + name + " /metrics", e);
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private void awaitReady() {
        Process running = process;
        await(name + " ready (log: " + log.toAbsolutePath() + ")")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .failFast(name + " exited; see " + log.toAbsolutePath(), () -> !running.isAlive())
                .until(this::ready);
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not exit within " + EXIT_TIMEOUT.toSeconds() + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to exit", e);
        }
    }

    /** Java has no API for SIGSTOP and SIGCONT; kill(1) sends them. */
    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + signal + " to " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to " + name, e);
        }
    }

    @Override
    public void close() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }
}
