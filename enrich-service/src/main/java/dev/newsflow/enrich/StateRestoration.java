package dev.newsflow.enrich;

import dev.newsflow.core.HealthCheck;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Which of this instance's active stores are being rebuilt from their changelogs. A task that moved
 * here without a warm standby copy restores first and processes nothing meanwhile; readiness says so.
 */
final class StateRestoration implements StateRestoreListener, HealthCheck {

    private final Set<String> restoring = ConcurrentHashMap.newKeySet();

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        restoring.add(storeName + "@" + partition.partition());
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        // Progress is in Kafka Streams' own restore metrics; only the start and the end matter here.
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(storeName + "@" + partition.partition());
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        // The task moved on before its restore finished: it is no longer this instance's to restore.
        restoring.remove(storeName + "@" + partition.partition());
    }

    @Override
    public Optional<String> problem() {
        int count = restoring.size();
        return count == 0 ? Optional.empty()
                : Optional.of("restoring " + count + " state store" + (count == 1 ? "" : "s") + " from changelogs");
    }
}
