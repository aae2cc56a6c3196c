package dev.newsflow.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Reads the pipeline's topics and consumer groups through the admin API. */
public final class KafkaProbe {

    /**
     * How long a read is tried again while some broker answers: Kafka fences a broker that stopped answering after
     * {@code broker.session.timeout.ms} (9 s by default) and elects new leaders for its partitions.
     */
    static final Duration FAILOVER = Duration.ofSeconds(20);

    private final Admin admin;
    private final String bootstrap;
    private final Duration timeout;

    public KafkaProbe(Admin admin, String bootstrap, Duration timeout) {
        this.admin = admin;
        this.bootstrap = bootstrap;
        this.timeout = timeout;
    }

    /**
     * @param topics the topics to describe, in the order to show them
     * @param groups each consumer group with the topic it reads
     */
    public KafkaStatus read(List<String> topics, Map<String, String> groups) {
        long deadline = System.nanoTime() + FAILOVER.toNanos();
        while (true) {
            try {
                return readOnce(topics, groups);
            } catch (TimeoutException e) {
                if (!retry(deadline)) {
                    return KafkaStatus.unreachable(bootstrap, "no answer from Kafka at " + bootstrap + " within "
                            + timeout.toMillis() + " ms");
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) || !retry(deadline)) {
                    return KafkaStatus.unreachable(bootstrap, "Kafka at " + bootstrap + " failed: " + e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return KafkaStatus.unreachable(bootstrap, "interrupted while reading Kafka");
            }
        }
    }

    private KafkaStatus readOnce(List<String> topics, Map<String, String> groups)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicStatus> described = new LinkedHashMap<>();
        for (String topic : topics) {
            described.put(topic, describe(topic));
        }
        List<GroupLag> lags = new ArrayList<>();
        for (var group : groups.entrySet()) {
            TopicStatus topic = described.containsKey(group.getValue())
                    ? described.get(group.getValue()) : describe(group.getValue());
            lags.addAll(lags(group.getKey(), topic));
        }
        return new KafkaStatus(bootstrap, null, List.copyOf(described.values()), lags);
    }

    /**
     * Whether a read that timed out is worth another try: time is left and a broker answers. Then one broker's
     * partitions did not answer, as in the seconds after a broker dies, before Kafka fences it and moves their
     * leaders; the next read finds the new leaders, and the redundancy check reports the under-replicated
     * partitions (degraded) instead of this read reporting Kafka unreachable.
     */
    private boolean retry(long deadline) {
        if (System.nanoTime() - deadline > 0) {
            return false;
        }
        try {
            return !get(admin.describeCluster().nodes()).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private TopicStatus describe(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription description;
        try {
            description = get(admin.describeTopics(List.of(topic)).topicNameValues().get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return TopicStatus.missing(topic);
            }
            throw e;
        }
        List<TopicPartition> partitions = description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        List<PartitionRange> ranges = partitions.stream()
                .map(tp -> new PartitionRange(tp.partition(), starts.get(tp), ends.get(tp)))
                .sorted(Comparator.comparingInt(PartitionRange::partition))
                .toList();
        return new TopicStatus(topic, true, ranges);
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResultInfo> answer = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /**
     * The group's lag on the topic it reads, then on every other topic it has committed on, by name: for enrich,
     * the repartition topics of its duplicate check, where a copy waits for its marked second send.
     */
    private List<GroupLag> lags(String group, TopicStatus topic) throws ExecutionException, InterruptedException, TimeoutException {
        String state = "ABSENT";
        int members = 0;
        try {
            ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
            state = description.groupState().name();
            members = description.members().size();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
        Map<TopicPartition, OffsetAndMetadata> commits = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<String, Map<Integer, Long>> committed = new TreeMap<>();
        commits.forEach((tp, offset) -> {
            if (offset != null) {
                committed.computeIfAbsent(tp.topic(), t -> new HashMap<>()).put(tp.partition(), offset.offset());
            }
        });
        if ("DEAD".equals(state) && commits.isEmpty()) {
            // Older brokers describe an unknown group as DEAD rather than failing.
            state = "ABSENT";
        }
        List<GroupLag> lags = new ArrayList<>();
        lags.add(new GroupLag(group, topic.name(), state, members,
                ConsumerLag.of(topic, committed.getOrDefault(topic.name(), Map.of()))));
        for (var other : committed.entrySet()) {
            if (other.getKey().equals(topic.name())) {
                continue;
            }
            TopicStatus described = describe(other.getKey());
            if (described.exists()) {
                lags.add(new GroupLag(group, described.name(), state, members, ConsumerLag.of(described, other.getValue())));
            }
        }
        return lags;
    }

    private <T> T get(KafkaFuture<T> future) throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
