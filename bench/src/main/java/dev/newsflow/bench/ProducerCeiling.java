package dev.newsflow.bench;

import dev.newsflow.stack.ChildJvm;
import dev.newsflow.stack.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
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
        ChildProcess perf = ChildJvm.of("org.apache.kafka.tools.ProducerPerformance")
                .jvmOptions("-Xmx512m")
                .args("--topic", topic, "--num-records", Integer.toString(records),
                        "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                        "--producer-props", "bootstrap.servers=" + context.stack().kafkaBootstrap(), "acks=all",
                        "enable.idempotence=true", "linger.ms=5", "batch.size=262144", "max.request.size=10485760")
                .start("ProducerPerformance", context.work().resolve("logs").resolve("producer-perf.log"));
        int exit = perf.awaitExit(Duration.ofMinutes(5));
        String output = output(perf);
        if (exit != 0) {
            throw new IllegalStateException("ProducerPerformance failed with exit code " + exit + ": " + output);
        }
        ProducerPerfResult result = ProducerPerfResult.parse(output)
                .orElseThrow(() -> new IllegalStateException("no summary in ProducerPerformance's output: " + output));
        log.info("ProducerPerformance: {}", result);
        return result;
    }

    private static String output(ChildProcess perf) {
        try {
            return Files.readString(perf.logFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + perf.logFile(), e);
        }
    }
}
