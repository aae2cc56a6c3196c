package dev.newsflow.stack;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How the local cluster runs: three Kafka brokers and three Elasticsearch nodes on loopback, each with
 * its own ports, and where they keep their data.
 *
 * @param home             the folder holding every broker's and node's data and logs
 * @param cache            where the Elasticsearch distribution is unpacked once
 * @param kafkaPorts       each broker's client port
 * @param controllerPorts  each broker's KRaft controller port
 * @param esHttpPorts      each node's HTTP port
 * @param esTransportPorts each node's transport port, through which the nodes find each other
 * @param kafkaHeap        -Xmx of each broker
 * @param esHeap           -Xms/-Xmx of each node
 * @param startTimeout     how long each server may take to become ready
 */
public record ClusterSettings(Path home, Path cache, List<Integer> kafkaPorts, List<Integer> controllerPorts,
                              List<Integer> esHttpPorts, List<Integer> esTransportPorts, String kafkaHeap, String esHeap,
                              Duration startTimeout) {

    /** Brokers and nodes: three, so that one of each may be down while the rest keep a majority. */
    public static final int SIZE = 3;

    public ClusterSettings {
        for (List<Integer> ports : List.of(kafkaPorts, controllerPorts, esHttpPorts, esTransportPorts)) {
            if (ports.size() != SIZE) {
                throw new IllegalArgumentException("a local cluster has " + SIZE + " brokers and nodes, got ports " + ports);
            }
        }
        kafkaPorts = List.copyOf(kafkaPorts);
        controllerPorts = List.copyOf(controllerPorts);
        esHttpPorts = List.copyOf(esHttpPorts);
        esTransportPorts = List.copyOf(esTransportPorts);
    }

    /**
     * Settings for {@code ./newsflow up --cluster}: brokers on {@code NEWSFLOW_KAFKA_PORT} (9092) and the next
     * two ports, their controllers from {@code NEWSFLOW_KAFKA_CONTROLLER_PORT} (9192), Elasticsearch from
     * {@code NEWSFLOW_ES_PORT} (9200) and {@code NEWSFLOW_ES_TRANSPORT_PORT} (9300); data under
     * {@code NEWSFLOW_HOME/cluster}, apart from the single-node stack's.
     */
    public static ClusterSettings fromEnv(Env env) {
        Path home = Path.of(env.string("NEWSFLOW_HOME", System.getProperty("user.home") + "/.newsflow")).toAbsolutePath();
        return new ClusterSettings(
                home.resolve("cluster"),
                Path.of(env.string("NEWSFLOW_CACHE", home.resolve("cache").toString())).toAbsolutePath(),
                run(env, "NEWSFLOW_KAFKA_PORT", 9092),
                run(env, "NEWSFLOW_KAFKA_CONTROLLER_PORT", 9192),
                run(env, "NEWSFLOW_ES_PORT", 9200),
                run(env, "NEWSFLOW_ES_TRANSPORT_PORT", 9300),
                env.string("NEWSFLOW_KAFKA_HEAP", "512m"),
                env.string("NEWSFLOW_ES_HEAP", "512m"),
                env.duration("NEWSFLOW_STACK_START_TIMEOUT", Duration.ofSeconds(240)));
    }

    /** Settings for one test run: a fresh folder, free ports, small heaps. */
    public static ClusterSettings forTests(Path home, Path cache) {
        return new ClusterSettings(home, cache, free(), free(), free(), free(), "384m", "512m", Duration.ofSeconds(240));
    }

    /** Every broker, comma-separated, as Kafka clients take it. */
    public String kafkaBootstrap() {
        return kafkaPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** Every node's base URL, comma-separated, as {@code NEWSFLOW_ES_URL} takes it. */
    public String elasticsearchUrls() {
        return esHttpPorts.stream().map(port -> "http://127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    public StackEndpoints endpoints() {
        return new StackEndpoints(kafkaBootstrap(), elasticsearchUrls());
    }

    private static List<Integer> run(Env env, String variable, int fallback) {
        int first = env.port(variable, fallback);
        if (first == 0 || first > 65535 - SIZE) {
            throw new ConfigException(variable + " must leave room for " + SIZE + " ports in a row, got " + first);
        }
        return IntStream.range(0, SIZE).mapToObj(i -> first + i).toList();
    }

    private static List<Integer> free() {
        return IntStream.range(0, SIZE).mapToObj(i -> Ports.free()).toList();
    }
}
