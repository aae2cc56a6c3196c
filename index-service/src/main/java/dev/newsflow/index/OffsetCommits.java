package dev.newsflow.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each partition up to its first unconfirmed write ({@link OffsetTracker#commitPosition()}),
 * and only when that position moved since the last commit, so an idle indexer sends no commits.
 * Used by the poll thread only; not thread-safe.
 */
final class OffsetCommits {

    private static final Logger log = LoggerFactory.getLogger(OffsetCommits.class);

    private final Consumer<?, ?> consumer;
    /** The last position sent per partition; a failed asynchronous commit removes it again. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    OffsetCommits(Consumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    /** Commits the positions of these partitions that moved: asynchronously, or waiting for the broker if {@code sync}. */
    void commit(Map<TopicPartition, OffsetTracker> trackers, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        trackers.forEach((partition, tracker) -> tracker.commitPosition().ifPresent(position -> {
            Long done = committed.get(partition);
            if (done == null || position > done) {
                offsets.put(partition, new OffsetAndMetadata(position));
            }
        }));
        if (offsets.isEmpty()) {
            return;
        }
        offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        if (sync) {
            commitSync(offsets);
        } else {
            consumer.commitAsync(offsets, (done, error) -> {
                if (error != null) {
                    // Forget the failed positions so the next commit sends them again.
                    offsets.forEach((partition, offset) -> committed.remove(partition, offset.offset()));
                    log.warn("offset commit failed, will retry with the next one: {}", error.toString());
                }
            });
        }
    }

    /** The partition went to another member: what it commits is its own business. */
    void forget(TopicPartition partition) {
        committed.remove(partition);
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            // The shutdown's wakeup() fires at the first blocking call if poll() did not consume it; it
            // fires once only, so the commit can simply be made again.
            consumer.commitSync(offsets);
        }
    }
}
