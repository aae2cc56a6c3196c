package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import dev.newsflow.core.HealthCheck;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** What {@code /health/ready} checks: both real dependencies answer within a short time. */
public final class ReadinessChecks {

    private static final long TIMEOUT_MS = 2000;

    private ReadinessChecks() {
    }

    /** Elasticsearch answers {@code _cluster/health} and is not red ({@code GET /} is no probe: it may answer 405). */
    public static HealthCheck elasticsearch(ElasticsearchClient es) {
        // The async client on the same transport, so a hung node costs the probe two seconds, not the request timeout.
        var async = new ElasticsearchAsyncClient(es._transport());
        return () -> {
            try {
                HealthStatus status = async.cluster().health().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).status();
                return status == HealthStatus.Red ? Optional.of("cluster status is red") : Optional.empty();
            } catch (ExecutionException e) {
                return Optional.of("cluster health failed: " + e.getCause());
            } catch (TimeoutException e) {
                return Optional.of("no answer within " + TIMEOUT_MS + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        };
    }

    /** Kafka describes its cluster and has at least one broker. */
    public static HealthCheck kafka(Admin admin) {
        return () -> {
            try {
                var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT_MS))
                        .nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                return nodes.isEmpty() ? Optional.of("no brokers") : Optional.empty();
            } catch (ExecutionException e) {
                return Optional.of("describe cluster failed: " + e.getCause());
            } catch (TimeoutException e) {
                return Optional.of("no answer within " + TIMEOUT_MS + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        };
    }
}
