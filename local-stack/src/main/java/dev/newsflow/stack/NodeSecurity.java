package dev.newsflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a node's configuration folder for {@link EsSecurity} with the distribution's own tools,
 * before the node starts: {@code elasticsearch-certutil} makes a CA and a certificate for
 * 127.0.0.1/localhost signed by it (PEM, under {@code config/certs}), {@code elasticsearch-keystore}
 * stores the bootstrap password, {@code elasticsearch-users} adds the file-realm users, and the roles
 * are written to {@code roles.yml}. Each tool is a small JVM of a few seconds.
 */
final class NodeSecurity {

    private static final Logger log = LoggerFactory.getLogger(NodeSecurity.class);
    private static final long TOOL_TIMEOUT_SECONDS = 120;

    /** The node's settings, relative to its configuration folder as Elasticsearch wants its TLS files. */
    static final String SETTINGS = String.join("\n",
            "xpack.security.enabled: true",
            "xpack.security.http.ssl.enabled: true",
            "xpack.security.http.ssl.certificate: certs/node.crt",
            "xpack.security.http.ssl.key: certs/node.key",
            "xpack.security.http.ssl.certificate_authorities: [ certs/ca.crt ]",
            // One node: no transport connections to protect.
            "xpack.security.transport.ssl.enabled: false");

    private final Path install;
    private final Path config;
    private final EsSecurity security;

    NodeSecurity(Path install, Path config, EsSecurity security) {
        this.install = install;
        this.config = config;
        this.security = security;
    }

    /** Where clients find the CA certificate that signed the node's. */
    static Path caCertificate(Path config) {
        return config.resolve("certs/ca.crt");
    }

    /** Writes the roles and the bootstrap password at every start; makes the certificates and users when missing. */
    void prepare() {
        try {
            writeRoles();
            // Three independent chains, each mostly a JVM starting: side by side they take the longest one's time.
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(this::certificates),
                    CompletableFuture.runAsync(this::bootstrapPassword),
                    CompletableFuture.runAsync(this::users)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void writeRoles() {
        StringBuilder yml = new StringBuilder("# Written by Newsflow's local stack at every start; edits are lost.\n");
        for (Map.Entry<String, Path> role : security.roles().entrySet()) {
            try {
                // JSON is YAML's flow style: the API's role body is the value under the role's name.
                String json = Files.readString(role.getValue(), StandardCharsets.UTF_8).strip();
                yml.append(role.getKey()).append(": ").append(json.replace("\n", "\n  ")).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the role file " + role.getValue(), e);
            }
        }
        write(config.resolve("roles.yml"), yml.toString());
    }

    private void certificates() {
        Path certs = config.resolve("certs");
        if (Files.isRegularFile(certs.resolve("node.crt"))) {
            return;
        }
        Path work = config.resolve("certs-work");
        try {
            // Left by a start that died half-way: begin again from an empty folder.
            TestFolders.delete(work);
            Files.createDirectories(work);
            run(null, "elasticsearch-certutil", "ca", "--pem", "--silent", "--out", work.resolve("ca.zip").toString());
            Map<String, Path> ca = unzip(work.resolve("ca.zip"), work);
            run(null, "elasticsearch-certutil", "cert", "--pem", "--silent", "--name", "node",
                    "--ca-cert", ca.get("ca.crt").toString(), "--ca-key", ca.get("ca.key").toString(),
                    "--ip", "127.0.0.1", "--dns", "localhost", "--out", work.resolve("node.zip").toString());
            Map<String, Path> node = unzip(work.resolve("node.zip"), work);
            Files.createDirectories(certs);
            // The CA's key goes with the work folder: nothing else is ever signed with it.
            for (Path file : List.of(ca.get("ca.crt"), node.get("node.key"), node.get("node.crt"))) {
                // node.crt last: its presence says the set is complete.
                Files.move(file, certs.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            TestFolders.delete(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the node's certificates under " + certs, e);
        }
        log.info("made a CA and a certificate for 127.0.0.1/localhost under {}", certs);
    }

    private void bootstrapPassword() {
        run(security.elasticPassword(), "elasticsearch-keystore", "add", "--force", "--stdin", "bootstrap.password");
    }

    private void users() {
        String known = read(config.resolve("users"));
        for (EsSecurity.User user : security.users()) {
            if (known.lines().anyMatch(line -> line.startsWith(user.name() + ":"))) {
                continue;
            }
            // The password passes on the tool's command line: fine for a local node, never for a shared host.
            run(null, "elasticsearch-users", "useradd", user.name(), "--password", user.password(),
                    "--roles", String.join(",", user.roles()), "--silent");
        }
    }

    private void run(String stdin, String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(install.resolve("bin").resolve(tool).toString());
        command.addAll(List.of(arguments));
        Path output = config.resolveSibling("logs").resolve(tool + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put("ES_JAVA_HOME", JavaRuntime.home().toString());
        builder.environment().put("ES_PATH_CONF", config.toString());
        try {
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StackStartException(tool + " did not finish within " + TOOL_TIMEOUT_SECONDS + " s; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new StackStartException(tool + " " + arguments[0] + " failed with exit code " + process.exitValue()
                        + ": " + read(output).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while " + tool + " ran");
        }
    }

    /** The files of a certutil zip by file name, unpacked flat into {@code into}. */
    private static Map<String, Path> unzip(Path zip, Path into) throws IOException {
        Map<String, Path> files = new java.util.HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = Path.of(entry.getName()).getFileName().toString();
                Path out = into.resolve(name);
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                files.put(name, out);
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
