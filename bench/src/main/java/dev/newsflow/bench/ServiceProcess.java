package dev.newsflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Newsflow service as its own JVM, started from this module's class path (which holds every
 * service) with its main class and environment, as production runs it; so its CPU time and memory
 * are its own. With a profile folder it records JFR, written when it stops.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final String name;
    private final int port;
    private final Path logFile;
    private final Optional<Path> recording;
    private final Process process;

    private ServiceProcess(String name, int port, Path logFile, Optional<Path> recording, Process process) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.recording = recording;
        this.process = process;
    }

    /**
     * Starts the service and returns once {@code /health/ready} answers 200.
     *
     * @param tag       names the log and recording files, e.g. "enrich-1-thread"
     * @param profile   where JFR recordings go; empty for none
     */
    static ServiceProcess start(String name, String tag, String mainClass, int port, Map<String, String> env,
                                Path logs, Optional<Path> profile) {
        Path logFile = logs.resolve(tag + ".log");
        Optional<Path> recording = profile.map(dir -> dir.resolve(tag + ".jfr").toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        recording.ifPresent(file -> command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        try {
            Files.createDirectories(logs);
            if (profile.isPresent()) {
                Files.createDirectories(profile.get());
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            ServiceProcess service = new ServiceProcess(name, port, logFile, recording, builder.start());
            service.awaitReady();
            log.info("{} ({}) ready on port {}, pid {}", name, tag, port, service.pid());
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** Its JFR file, complete once the service has stopped. */
    Optional<Path> recording() {
        return recording;
    }

    ProcessUsage usage() {
        return ProcessUsage.of(process.pid());
    }

    private void awaitReady() {
        try {
            Awaitility.await(name + " ready")
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .failFast(name + " exited while starting", () -> !process.isAlive())
                    .ignoreExceptions()
                    .until(() -> HTTP.send(HttpRequest.newBuilder(uri("/health/ready")).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            close();
            throw new IllegalStateException(name + " did not become ready; see " + logFile.toAbsolutePath(), e);
        }
    }

    /** SIGTERM, so the service shuts down as in production (and JFR writes its recording); SIGKILL after 60 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("{} did not stop within 60 s; killing it", name);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
