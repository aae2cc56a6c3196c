package dev.newsflow.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the records a read_committed consumer would still get from a partition. Offsets alone overstate
 * that on topics written in transactions (the enriched topic): every transaction's commit marker takes an
 * offset no consumer ever receives, so a group that is caught up would otherwise show a lag that never goes.
 */
public final class CommittedRecordCounter {

    /** Larger lags are shown as offset differences: markers do not matter there, and reading them would take long. */
    static final long MAX_COUNTED = 1000;
    private static final Duration POLL = Duration.ofMillis(100);

    private final Consumer<byte[], byte[]> consumer;
    private final Duration timeout;

    public CommittedRecordCounter(Consumer<byte[], byte[]> consumer, Duration timeout) {
        this.consumer = consumer;
        this.timeout = timeout;
    }

    /** The same lags with each small one replaced by the number of committed records it stands for. */
    public GroupLag refine(GroupLag group) {
        List<PartitionLag> refined = new ArrayList<>();
        for (PartitionLag lag : group.partitions()) {
            if (lag.lag() == 0 || lag.lag() > MAX_COUNTED) {
                refined.add(lag);
            } else {
                long from = lag.end() - lag.lag();
                long records = count(new TopicPartition(lag.topic(), lag.partition()), from, lag.end());
                refined.add(new PartitionLag(lag.topic(), lag.partition(), lag.committed(), lag.end(), records));
            }
        }
        return new GroupLag(group.group(), group.topic(), group.state(), group.members(), refined);
    }

    private long count(TopicPartition partition, long from, long to) {
        consumer.assign(Set.of(partition));
        consumer.seek(partition, from);
        // Records of a transaction still open lie beyond the last stable offset: counted as offsets, since they may yet commit.
        long stable = Math.min(to, consumer.endOffsets(Set.of(partition), timeout).get(partition));
        long records = to - stable;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.position(partition, timeout) < stable) {
            if (System.nanoTime() - deadline > 0) {
                // Could not read it in time: the offset difference is the honest upper bound.
                return to - from;
            }
            for (var record : consumer.poll(POLL).records(partition)) {
                if (record.offset() < stable) {
                    records++;
                }
            }
        }
        consumer.unsubscribe();
        return records;
    }
}
