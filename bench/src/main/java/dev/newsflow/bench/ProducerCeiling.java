package dev.newsflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's own producer benchmark ({@code org.apache.kafka.tools.ProducerPerformance} from
 * kafka-tools) against the same broker, with records the size of ingest's and ingest's delivery and
 * batching settings ({@code acks=all}, idempotence, 5 ms linger, 256 KB batches): the most any Kafka
 * producer gets here. With the default 16 KB batches (two such records each) ingest's batches had
 * outrun it, a ratio above 1.
 * It runs as its own JVM, as Kafka ships it, so it competes with nothing of ours.
 */
final class ProducerCeiling {

    private static final Logger log = LoggerFactory.getLogger(ProducerCeiling.class);

    private final BenchContext context;

    ProducerCeiling(BenchContext context) {
        this.context = context;
    }

    ProducerPerfResult run(int records, int recordSize) {
        String topic = context.name("producer-perf");
        try {
            context.admin().createTopics(List.of(new NewTopic(topic, BenchContext.PARTITIONS, (short) 1))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + topic, e.getCause());
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Integer.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + context.stack().kafkaBootstrap(),
                "acks=all", "enable.idempotence=true", "linger.ms=5", "batch.size=262144", "max.request.size=10485760");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("ProducerPerformance failed: " + output);
            }
            ProducerPerfResult result = ProducerPerfResult.parse(output)
                    .orElseThrow(() -> new IllegalStateException("no summary in ProducerPerformance's output: " + output));
            log.info("ProducerPerformance: {}", result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run ProducerPerformance", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
