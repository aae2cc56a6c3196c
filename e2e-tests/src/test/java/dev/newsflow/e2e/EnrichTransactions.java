package dev.newsflow.e2e;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;

/**
 * enrich-service's transactions as the transaction coordinator sees them: which are open, and on
 * which partitions. An open transaction holding an output partition is the moment "mid-transaction".
 */
final class EnrichTransactions {

    /** An open transaction: its id, the producer id and epoch that opened it, and its partitions. */
    record Open(String transactionalId, long producerId, int producerEpoch, List<String> partitions) {

        @Override
        public String toString() {
            return transactionalId + " (producer " + producerId + "/" + producerEpoch + ") on " + partitions;
        }
    }

    private final Pipeline pipeline;

    EnrichTransactions(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** The open transactions of the enrich application that have written to the enriched topic. */
    List<Open> openWithOutput() throws InterruptedException, ExecutionException, TimeoutException {
        String output = pipeline.topics().enriched().name();
        return open().stream().filter(t -> t.partitions().stream().anyMatch(p -> p.startsWith(output + "-"))).toList();
    }

    /** The open transactions of the enrich application. */
    List<Open> open() throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().kafkaBootstrap()))) {
            List<String> ids = admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId)
                    .filter(id -> id.startsWith(pipeline.enrichAppId()))
                    .toList();
            if (ids.isEmpty()) {
                return List.of();
            }
            return admin.describeTransactions(ids).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .filter(e -> e.getValue().state() == TransactionState.ONGOING)
                    .map(e -> open(e.getKey(), e.getValue()))
                    .toList();
        }
    }

    private static Open open(String id, TransactionDescription description) {
        return new Open(id, description.producerId(), description.producerEpoch(),
                description.topicPartitions().stream().map(Object::toString).sorted().toList());
    }
}
