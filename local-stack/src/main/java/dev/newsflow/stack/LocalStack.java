package dev.newsflow.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker and a real Elasticsearch node as local processes on loopback.
 * Both start in parallel; either failing stops the other and reports why.
 * Fault tests can kill and restart each server; data survives that.
 */
public final class LocalStack implements RunningStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final StackSettings settings;
    private final KafkaBroker kafka;
    private final ElasticsearchNode elasticsearch;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        this.kafka = new KafkaBroker(settings);
        this.elasticsearch = new ElasticsearchNode(settings);
    }

    /**
     * Starts both servers and returns once both answer.
     *
     * @throws StackStartException naming the cause (taken port, old JDK, a server that died) and its log
     */
    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        CompletableFuture<Void> es = CompletableFuture.runAsync(stack.elasticsearch::start);
        CompletableFuture<Void> broker = CompletableFuture.runAsync(stack.kafka::start);
        try {
            CompletableFuture.allOf(es, broker).join();
        } catch (CompletionException e) {
            stack.close();
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        log.info("local stack ready: Kafka at {}, Elasticsearch at {}", stack.endpoints().kafkaBootstrap(),
                stack.endpoints().elasticsearchUrl());
        return stack;
    }

    @Override
    public StackEndpoints endpoints() {
        return settings.endpoints();
    }

    public StackSettings settings() {
        return settings;
    }

    /** Kills the broker with SIGKILL, as a crash would. */
    public void killKafka() {
        kafka.kill();
    }

    /** Starts the broker again on the same port and data. */
    public void startKafka() {
        kafka.start();
    }

    /** Kills Elasticsearch with SIGKILL, as a crash would. */
    public void killElasticsearch() {
        elasticsearch.kill();
    }

    /** Starts Elasticsearch again on the same port and data. */
    public void startElasticsearch() {
        elasticsearch.start();
    }

    /** Whether both servers are still running. */
    public boolean running() {
        return kafka.running() && elasticsearch.running();
    }

    /** The servers that are not running (empty while both are), with the log to read. */
    public List<String> stoppedServers() {
        List<String> stopped = new ArrayList<>();
        if (!kafka.running()) {
            stopped.add("Kafka (log: " + settings.home().resolve("kafka/kafka.log") + ")");
        }
        if (!elasticsearch.running()) {
            stopped.add("Elasticsearch (log: " + settings.home().resolve("elasticsearch.log") + ")");
        }
        return stopped;
    }

    @Override
    public void close() {
        kafka.stop();
        elasticsearch.stop();
    }
}
