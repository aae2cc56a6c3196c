package dev.newsflow.stack;

import dev.newsflow.core.Env;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the local stack runs: where it keeps its data and which loopback ports it takes.
 *
 * @param home             the folder holding Kafka's and Elasticsearch's data and logs
 * @param cache            where the Elasticsearch distribution is unpacked once
 * @param kafkaPort        the broker's client port
 * @param controllerPort   the KRaft controller's port
 * @param esHttpPort       Elasticsearch's HTTP port
 * @param esTransportPort  Elasticsearch's transport port (bound, never used by a single node)
 * @param kafkaHeap        -Xmx of the broker, e.g. {@code 512m}
 * @param esHeap           -Xms/-Xmx of Elasticsearch, e.g. {@code 512m}
 * @param startTimeout     how long each server may take to become ready
 */
public record StackSettings(Path home, Path cache, int kafkaPort, int controllerPort, int esHttpPort,
                            int esTransportPort, String kafkaHeap, String esHeap, Duration startTimeout) {

    /**
     * Settings for {@code ./newsflow up}: the standard ports unless overridden, data under
     * {@code NEWSFLOW_HOME} (default {@code ~/.newsflow}).
     */
    public static StackSettings fromEnv(Env env) {
        Path home = Path.of(env.string("NEWSFLOW_HOME", System.getProperty("user.home") + "/.newsflow"))
                .toAbsolutePath();
        return new StackSettings(
                home.resolve("stack"),
                Path.of(env.string("NEWSFLOW_CACHE", home.resolve("cache").toString())).toAbsolutePath(),
                env.port("NEWSFLOW_KAFKA_PORT", 9092),
                env.port("NEWSFLOW_KAFKA_CONTROLLER_PORT", 9093),
                env.port("NEWSFLOW_ES_PORT", 9200),
                env.port("NEWSFLOW_ES_TRANSPORT_PORT", 9300),
                env.string("NEWSFLOW_KAFKA_HEAP", "768m"),
                env.string("NEWSFLOW_ES_HEAP", "1g"),
                env.duration("NEWSFLOW_STACK_START_TIMEOUT", Duration.ofSeconds(180)));
    }

    /** Settings for one test run: a fresh folder and free ports. */
    public static StackSettings forTests(Path home, Path cache) {
        return new StackSettings(home, cache, Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                "512m", "512m", Duration.ofSeconds(180));
    }

    public StackEndpoints endpoints() {
        return new StackEndpoints("127.0.0.1:" + kafkaPort, "http://127.0.0.1:" + esHttpPort);
    }
}
