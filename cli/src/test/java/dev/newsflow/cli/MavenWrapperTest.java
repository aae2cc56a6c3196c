package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's {@code ./mvnw} checks the Maven it downloads: a copy of the script and its properties,
 * pointed at a Maven "distribution" served on loopback, runs it only when its SHA-256 is the one the
 * properties name.
 */
class MavenWrapperTest {

    private static final Path PROJECT = Path.of("..");
    // The wrapper unpacks into a folder named for the release in distributionUrl; the fake zip must use
    // the same name, so it is read from the properties rather than written here again.
    private static final String DISTRIBUTION = distributionName();

    @TempDir
    Path work;
    private HttpServer server;
    private byte[] served;

    @BeforeEach
    void serveADistribution() throws IOException {
        served = fakeDistribution();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, served.length);
            exchange.getResponseBody().write(served);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theProjectsWrapperPinsTheChecksumOfItsMaven() throws IOException {
        String properties = Files.readString(PROJECT.resolve(".mvn/wrapper/maven-wrapper.properties"));

        assertThat(properties).containsPattern("(?m)^distributionSha256Sum=[0-9a-f]{64}$")
                .contains("distributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/");
    }

    @Test
    void aDownloadWithTheWrongChecksumIsRefusedAndNeverRun() throws Exception {
        Path project = wrapperCopy("0".repeat(64));

        Result result = run(project);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Failed to validate Maven distribution SHA-256").doesNotContain("fake maven ran");
        assertThat(installedLaunchers()).as("nothing of the refused download is kept").isEmpty();
    }

    @Test
    void aDownloadWithTheRightChecksumIsInstalled() throws Exception {
        Path project = wrapperCopy(sha256(served));

        Result result = run(project);

        // The fake launcher is then started (java.util.zip cannot mark it executable, so that start fails):
        // what matters here is that the check let the download through and it was installed.
        assertThat(result.output()).doesNotContain("Failed to validate");
        assertThat(installedLaunchers()).hasSize(1);
    }

    private Path wrapperCopy(String sha256) throws IOException {
        Path project = Files.createDirectories(work.resolve("project"));
        Files.createDirectories(project.resolve(".mvn/wrapper"));
        Files.copy(PROJECT.resolve("mvnw"), project.resolve("mvnw"));
        String properties = Files.readString(PROJECT.resolve(".mvn/wrapper/maven-wrapper.properties"))
                .replaceAll("(?m)^distributionSha256Sum=.*$", "distributionSha256Sum=" + sha256);
        Files.writeString(project.resolve(".mvn/wrapper/maven-wrapper.properties"), properties);
        return project;
    }

    private Result run(Path project) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", project.resolve("mvnw").toString(), "-v")
                .directory(project.toFile())
                .redirectErrorStream(true);
        builder.environment().put("MAVEN_USER_HOME", work.resolve("m2").toString());
        builder.environment().put("MVNW_REPOURL", "http://127.0.0.1:" + server.getAddress().getPort());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("mvnw finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }

    /** A zip shaped like Maven's: {@code apache-maven-<v>/bin/mvn}, a script that would say it ran. */
    private static byte[] fakeDistribution() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(DISTRIBUTION + "/bin/mvn"));
            zip.write("#!/bin/sh\necho \"fake maven ran with $*\"\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private List<Path> installedLaunchers() throws IOException {
        Path dists = work.resolve("m2/wrapper/dists");
        if (!Files.exists(dists)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dists)) {
            return files.filter(f -> f.endsWith(Path.of("bin", "mvn"))).toList();
        }
    }

    /** {@code apache-maven-3.9.16} for {@code .../apache-maven-3.9.16-bin.zip}. */
    private static String distributionName() {
        try {
            Matcher url = Pattern.compile("(?m)^distributionUrl=.*/(apache-maven-[^/]+)-bin\\.zip$")
                    .matcher(Files.readString(PROJECT.resolve(".mvn/wrapper/maven-wrapper.properties")));
            if (!url.find()) {
                throw new IllegalStateException("maven-wrapper.properties names no apache-maven-*-bin.zip");
            }
            return url.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
