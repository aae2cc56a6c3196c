package dev.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.newsflow.core.EsCredentials;
import dev.newsflow.core.EsTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Elasticsearch node bound to loopback, keeping its data under {@code home/elasticsearch} (the single
 * node of {@link LocalStack}) or {@code home/<node name>} (one of the nodes of {@link LocalCluster}):
 * security off, or (the single node) on with TLS over HTTP ({@link EsSecurity}). Run as {@code nobody}
 * when this process is root.
 */
final class ElasticsearchNode extends LocalServer {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final Path UNPRIVILEGED_BASE = Path.of("/var/tmp/newsflow");
    private static final String SERVER_MAIN_CLASS = "org.elasticsearch.bootstrap.Elasticsearch";

    private final String nodeName;
    private final int httpPort;
    private final int transportPort;
    private final Path home;
    private final String dirName;
    private final Path cache;
    private final String heap;
    private final Duration startTimeout;
    private final List<String> discovery;
    /** Null: security off. */
    private final EsSecurity security;
    private HttpClient http;

    /** The single node of {@link LocalStack}: it forms a cluster of its own. */
    ElasticsearchNode(StackSettings settings) {
        this(settings, null);
    }

    /** The single node with security and TLS over HTTP on. */
    ElasticsearchNode(StackSettings settings, EsSecurity security) {
        this("newsflow-node", settings.esHttpPort(), settings.esTransportPort(), settings.home(), "elasticsearch",
                settings.cache(), settings.esHeap(), settings.startTimeout(), List.of("discovery.type: single-node"),
                security);
    }

    /**
     * One node of a cluster, found through the others' transport ports.
     *
     * @param seedHosts      {@code host:port} of every node's transport
     * @param masterNodes    the names of the nodes that may form the cluster the first time
     */
    static ElasticsearchNode ofCluster(String nodeName, int httpPort, int transportPort, Path home, Path cache,
                                       String heap, Duration startTimeout, List<String> seedHosts, List<String> masterNodes) {
        return new ElasticsearchNode(nodeName, httpPort, transportPort, home, nodeName, cache, heap, startTimeout,
                List.of("discovery.seed_hosts: [" + String.join(", ", seedHosts) + "]",
                        // Read only when the cluster forms for the first time; a restarted node rejoins it.
                        "cluster.initial_master_nodes: [" + String.join(", ", masterNodes) + "]"), null);
    }

    private ElasticsearchNode(String nodeName, int httpPort, int transportPort, Path home, String dirName, Path cache,
                              String heap, Duration startTimeout, List<String> discovery, EsSecurity security) {
        this.nodeName = nodeName;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.home = home;
        this.dirName = dirName;
        this.cache = cache;
        this.heap = heap;
        this.startTimeout = startTimeout;
        this.discovery = discovery;
        this.security = security;
    }

    @Override
    void start() {
        Ports.requireFree(httpPort, "Elasticsearch", "NEWSFLOW_ES_PORT");
        Ports.requireFree(transportPort, "Elasticsearch transport", "NEWSFLOW_ES_TRANSPORT_PORT");
        Path install = ElasticsearchDistribution.installIn(reachable(cache, "cache"));
        Path dir = reachable(home.resolve(dirName), dirName);
        Path config = writeConfig(install, dir);
        if (security != null) {
            new NodeSecurity(install, config, security).prepare();
        }
        ServiceAccount.handOver(dir);
        http = probeClient(config);

        List<String> command = new ArrayList<>(ServiceAccount.commandPrefix());
        command.add(install.resolve("bin/elasticsearch").toString());
        Map<String, String> env = Map.of(
                "ES_JAVA_HOME", JavaRuntime.home().toString(),
                "ES_PATH_CONF", config.toString(),
                "ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        // The node writes gc.log and crash files into its working folder: make that its logs folder.
        process = ChildProcess.start("Elasticsearch " + nodeName, command, env, dir.resolve("logs"), logFile());
        process.awaitReady(this::healthy, startTimeout);
    }

    Path logFile() {
        return home.resolve(dirName + ".log");
    }

    /**
     * The server JVM's process, not its launcher's: the launcher only starts and watches the server, and
     * the server, seeing its launcher gone, exits through its shutdown hooks: not a crash.
     */
    @Override
    long pid() {
        if (process == null) {
            return 0;
        }
        return process.descendants().stream()
                .filter(child -> child.info().commandLine().orElse("").contains(SERVER_MAIN_CLASS))
                .findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    /** Where the node answers: http, or https with security on. */
    String url() {
        return (security == null ? "http" : "https") + "://127.0.0.1:" + httpPort;
    }

    /** The CA certificate that signed the node's own, when security is on. */
    Path caCertificate() {
        return NodeSecurity.caCertificate(home.resolve(dirName).resolve("config"));
    }

    private boolean healthy() {
        // GET / answers 405 on this distribution; cluster health is the readiness probe.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .timeout(Duration.ofSeconds(5)).GET();
        if (security != null) {
            request.header("Authorization", EsCredentials.basic("elastic", security.elasticPassword()).authorization().orElseThrow());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpClient probeClient(Path config) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (security != null) {
            EsTrust.caCertificate(NodeSecurity.caCertificate(config)).sslContext().ifPresent(builder::sslContext);
        }
        return builder.build();
    }

    private Path writeConfig(Path install, Path dir) {
        Path config = dir.resolve("config");
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("logs"));
            if (!Files.exists(config.resolve("jvm.options"))) {
                copyTree(install.resolve("config"), config);
            }
            List<String> lines = new ArrayList<>(List.of(
                    "# Written by Newsflow's local stack at every start; edits are lost.",
                    "cluster.name: newsflow-local",
                    "node.name: " + nodeName));
            lines.addAll(discovery);
            lines.addAll(List.of(
                    "network.host: 127.0.0.1",
                    "http.port: " + httpPort,
                    "transport.port: " + transportPort,
                    "path.data: " + dir.resolve("data"),
                    "path.logs: " + dir.resolve("logs"),
                    // The cluster's nodes run with security off, on loopback: no transport TLS between them.
                    security == null ? "xpack.security.enabled: false" : NodeSecurity.SETTINGS,
                    // A nearly full laptop disk must not turn the index read-only under a demo.
                    "cluster.routing.allocation.disk.threshold_enabled: false",
                    "action.destructive_requires_name: false",
                    ""));
            String yml = String.join("\n", lines);
            Files.writeString(config.resolve("elasticsearch.yml"), yml, StandardCharsets.UTF_8);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Elasticsearch's configuration under " + dir, e);
        }
    }

    /**
     * The folder to use for {@code preferred}: itself, unless this process is root and the
     * unprivileged account cannot reach it; then a folder under /var/tmp/newsflow, linked from
     * the preferred place so the data is still found under NEWSFLOW_HOME.
     */
    private static Path reachable(Path preferred, String what) {
        if (ServiceAccount.canReach(preferred)) {
            return preferred;
        }
        // One folder per preferred place, so two stacks (say, tests and ./newsflow up) stay apart.
        Path elsewhere = UNPRIVILEGED_BASE.resolve(what + "-"
                + Integer.toHexString(preferred.toAbsolutePath().toString().hashCode()));
        try {
            Files.createDirectories(elsewhere);
            UNPRIVILEGED_BASE.toFile().setExecutable(true, false);
            if (!Files.exists(preferred, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(preferred.getParent());
                Files.createSymbolicLink(preferred, elsewhere);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + elsewhere, e);
        }
        log.info("{} is not reachable by the unprivileged account Elasticsearch runs as; using {}", preferred, elsewhere);
        return elsewhere;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
