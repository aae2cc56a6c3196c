package dev.newsflow.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * How far a consumer group has come through a topic, from the offsets it committed. A stage is
 * timed by its commits because they are what it promises: an offset is committed only once the
 * record's result is safely written (exactly-once for enrich, Elasticsearch's answer for index).
 */
final class KafkaProgress {

    private final Admin admin;

    KafkaProgress(Admin admin) {
        this.admin = admin;
    }

    /** Records in the topic: the sum of its partitions' end offsets (all ours start empty at offset 0). */
    long endOffsets(String topic) {
        return endOffsets(topic, IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * The sum of the topic's end offsets as a reader of that isolation level sees them: the high
     * watermarks, or for {@code READ_COMMITTED} the last stable offsets, which stop at the first
     * transaction still open. Both count transaction markers and aborted records too.
     */
    long endOffsets(String topic, IsolationLevel isolation) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                            new ListOffsetsOptions(isolation))
                    .all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e.getCause());
        }
    }

    /** The offsets the group committed on the topic, summed; 0 before its first commit. */
    long committed(String group, String topic) {
        return commits(group).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Every offset the group has committed, by partition. */
    private Map<TopicPartition, OffsetAndMetadata> commits(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of group " + group, e.getCause());
        }
    }

    /**
     * Records on the group's topics that it has not committed yet, summed over every partition of each topic it
     * committed on. One record per partition is not counted: a transactional writer's last commit marker is
     * there, which a reader skips but may not commit past.
     */
    long unread(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = commits(group);
        try {
            Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get().entrySet().stream()
                    .mapToLong(e -> {
                        OffsetAndMetadata at = committed.get(e.getKey());
                        return Math.max(0, e.getValue().offset() - (at == null ? 0 : at.offset()) - 1);
                    })
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of group " + group + "'s topics", e.getCause());
        }
    }

    /**
     * Waits until the group has committed {@code target} records of the topic, and times it: from
     * {@code startNanos}, and from the first commit covering {@code warmUp} records, when
     * {@code atWindowStart} runs. That commit ends the start-up (model loading, group join, first fetch)
     * and the warm-up: a fresh JVM compiles its hot code during the first records, and that one-time
     * cost would otherwise count against the stage.
     */
    StageTiming await(String group, String topic, long target, long startNanos, Duration timeout, long warmUp,
                      Runnable atWindowStart) {
        long first = awaitCommitted(group, topic, Math.max(1, warmUp), timeout);
        long firstAt = System.nanoTime();
        atWindowStart.run();
        awaitCommitted(group, topic, target, timeout);
        return new StageTiming(target, startNanos, first, firstAt, System.nanoTime());
    }

    /** Waits until the group has committed at least {@code target} records of the topic; answers how many. */
    long awaitCommitted(String group, String topic, long target, Duration timeout) {
        return Awaitility.await(group + " at " + target).atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> committed(group, topic), c -> c >= target);
    }
}
