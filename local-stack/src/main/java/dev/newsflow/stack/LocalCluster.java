package dev.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three Kafka brokers (each also a KRaft controller: three voters) and three Elasticsearch nodes forming
 * one cluster, as local processes on loopback. Topics default to three replicas of which two must be in
 * sync, and Elasticsearch indices can keep a replica of every shard, so one broker and one node may be
 * down while the pipeline goes on. Fault tests kill and start each one; data survives that.
 *
 * <p>Brokers and nodes are numbered from 1, as their names ({@code node.id}, {@code es-1}) are.
 */
public final class LocalCluster implements RunningStack {

    private static final Logger log = LoggerFactory.getLogger(LocalCluster.class);

    private final ClusterSettings settings;
    private final List<KafkaBroker> brokers;
    private final List<ElasticsearchNode> nodes;

    private LocalCluster(ClusterSettings settings) {
        this.settings = settings;
        int size = ClusterSettings.SIZE;
        String voters = IntStream.range(0, size)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + settings.controllerPorts().get(i))
                .collect(Collectors.joining(","));
        String clusterId = clusterId(settings.home());
        this.brokers = IntStream.range(0, size).mapToObj(i -> new KafkaBroker(settings.home().resolve("kafka-" + (i + 1)),
                i + 1, settings.kafkaPorts().get(i), settings.controllerPorts().get(i), voters, size,
                settings.kafkaHeap(), settings.startTimeout(), clusterId, "NEWSFLOW_KAFKA_PORT")).toList();
        List<String> seeds = settings.esTransportPorts().stream().map(port -> "127.0.0.1:" + port).toList();
        List<String> names = IntStream.rangeClosed(1, size).mapToObj(n -> "es-" + n).toList();
        this.nodes = IntStream.range(0, size).mapToObj(i -> ElasticsearchNode.ofCluster(names.get(i),
                settings.esHttpPorts().get(i), settings.esTransportPorts().get(i), settings.home(), settings.cache(),
                settings.esHeap(), settings.startTimeout(), seeds, names)).toList();
    }

    /**
     * Starts every broker and node at once (a quorum forms only once a majority runs) and returns once
     * each answers.
     *
     * @throws StackStartException naming the cause and the log of the server that failed
     */
    public static LocalCluster start(ClusterSettings settings) {
        LocalCluster cluster = new LocalCluster(settings);
        List<Runnable> starts = new ArrayList<>();
        cluster.brokers.forEach(broker -> starts.add(broker::start));
        cluster.nodes.forEach(node -> starts.add(node::start));
        try {
            allAtOnce(starts);
        } catch (CompletionException e) {
            cluster.close();
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        log.info("local cluster ready: Kafka at {}, Elasticsearch at {}", settings.kafkaBootstrap(),
                settings.elasticsearchUrls());
        return cluster;
    }

    /** Every broker and every node, comma-separated. */
    @Override
    public StackEndpoints endpoints() {
        return settings.endpoints();
    }

    public ClusterSettings settings() {
        return settings;
    }

    /** {@code host:port} of broker {@code n} (1 to 3). */
    public String broker(int n) {
        return "127.0.0.1:" + brokers.get(n - 1).port();
    }

    /** The base URL of Elasticsearch node {@code n} (1 to 3). */
    public String elasticsearchNode(int n) {
        return nodes.get(n - 1).url();
    }

    /** Kills broker {@code n} with SIGKILL, as a crash would. */
    public void killBroker(int n) {
        brokers.get(n - 1).kill();
    }

    /** Starts broker {@code n} again on its ports and data, and waits until it has rejoined. */
    public void startBroker(int n) {
        brokers.get(n - 1).start();
    }

    /** Kills Elasticsearch node {@code n} with SIGKILL, as a crash would. */
    public void killElasticsearchNode(int n) {
        nodes.get(n - 1).kill();
    }

    /** Starts Elasticsearch node {@code n} again on its ports and data, and waits until it answers. */
    public void startElasticsearchNode(int n) {
        nodes.get(n - 1).start();
    }

    /** The brokers and nodes that are not running (empty while all are), with the log to read. */
    public List<String> stoppedServers() {
        List<String> stopped = new ArrayList<>();
        for (int i = 0; i < brokers.size(); i++) {
            if (!brokers.get(i).running()) {
                stopped.add("Kafka broker " + (i + 1) + " (log: " + brokers.get(i).logFile() + ")");
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).running()) {
                stopped.add("Elasticsearch node es-" + (i + 1) + " (log: " + nodes.get(i).logFile() + ")");
            }
        }
        return stopped;
    }

    /** Each broker ({@code kafka-<n>}) and node ({@code es-<n>}), to watch and bring back, brokers first. */
    List<ClusterMember> members() {
        List<ClusterMember> members = new ArrayList<>();
        for (int i = 0; i < brokers.size(); i++) {
            members.add(member("kafka-" + (i + 1), brokers.get(i), brokers.get(i).logFile()));
        }
        for (int i = 0; i < nodes.size(); i++) {
            members.add(member("es-" + (i + 1), nodes.get(i), nodes.get(i).logFile()));
        }
        return members;
    }

    private static ClusterMember member(String name, LocalServer server, Path log) {
        // Killed first: what a crash left behind (an Elasticsearch server whose launcher died) must not hold the ports.
        return new ClusterMember(name, log, server::running, () -> {
            server.kill();
            server.start();
        }, server::pid);
    }

    /** Stops every broker and node, all at once: one by one, the last broker would wait for a quorum that has gone. */
    @Override
    public void close() {
        List<Runnable> stops = new ArrayList<>();
        brokers.forEach(broker -> stops.add(broker::stop));
        nodes.forEach(node -> stops.add(node::stop));
        allAtOnce(stops);
    }

    /**
     * Runs each task on a thread of its own and waits for all. Not the common pool: on two cores it has
     * one thread, and a broker waiting for its quorum would keep the others from ever starting.
     */
    static void allAtOnce(List<Runnable> tasks) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture.allOf(tasks.stream().map(task -> CompletableFuture.runAsync(task, threads))
                    .toArray(CompletableFuture[]::new)).join();
        }
    }

    /** One id for the brokers' storage, kept beside it so a broker formatted later joins the same cluster. */
    private static String clusterId(Path home) {
        Path file = home.resolve("kafka-cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(home);
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the Kafka cluster id in " + file, e);
        }
    }
}
