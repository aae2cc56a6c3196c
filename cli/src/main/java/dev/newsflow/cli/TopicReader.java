package dev.newsflow.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic from its earliest kept record to its current end, without a consumer group.
 * The dead letter topic and the replay ledger are small, so reading them whole is the simple way to
 * see everything in them.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<byte[], byte[]> consumer;
    private final Duration timeout;

    public TopicReader(Consumer<byte[], byte[]> consumer, Duration timeout) {
        this.consumer = consumer;
        this.timeout = timeout;
    }

    /**
     * @return the records in partition and offset order; empty when the topic does not exist
     * @throws IllegalStateException when the end is not reached within the timeout
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            return List.of();
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        // With read_committed these are the last stable offsets: records of open transactions are not waited for.
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Set<TopicPartition> unfinished = new HashSet<>(partitions);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.multipliedBy(Math.max(1, partitions.size())).toNanos();
        unfinished.removeIf(tp -> consumer.position(tp, timeout) >= ends.get(tp));
        while (!unfinished.isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("could not read " + topic + " to its end in time; "
                        + unfinished.size() + " partitions left");
            }
            consumer.poll(POLL).forEach(record -> {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            });
            unfinished.removeIf(tp -> consumer.position(tp, timeout) >= ends.get(tp));
        }
        consumer.unsubscribe();
        records.sort((a, b) -> a.partition() != b.partition()
                ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
        return records;
    }
}
