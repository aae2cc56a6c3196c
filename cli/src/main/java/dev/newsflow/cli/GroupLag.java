package dev.newsflow.cli;

import java.util.List;

/**
 * A consumer group of the pipeline and its lag on one topic it reads.
 *
 * @param state   the group's state as Kafka reports it ({@code STABLE}, {@code EMPTY}, ...), or {@code ABSENT}
 * @param members how many consumers are in the group now
 */
public record GroupLag(String group, String topic, String state, int members, List<PartitionLag> partitions) {

    public GroupLag {
        partitions = List.copyOf(partitions);
    }

    public long total() {
        return partitions.stream().mapToLong(PartitionLag::lag).sum();
    }

    /** True when the group has never committed an offset on its topic. */
    public boolean neverCommitted() {
        return partitions.stream().allMatch(p -> p.committed() == null);
    }
}
