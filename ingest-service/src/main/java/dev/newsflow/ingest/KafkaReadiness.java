package dev.newsflow.ingest;

import dev.newsflow.core.HealthCheck;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Ready when the Kafka cluster answers a describe-cluster call within a short timeout. It runs
 * on the {@code /health/ready} request's own thread and is bounded, so article requests never wait on it.
 */
public final class KafkaReadiness implements HealthCheck {

    private final Admin admin;
    private final Duration timeout;

    public KafkaReadiness(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> problem() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of("Kafka is not reachable: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            return Optional.of("Kafka did not answer within " + timeout.toMillis() + "ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking Kafka");
        }
    }
}
