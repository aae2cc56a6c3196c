package dev.newsflow.cli;

import java.util.List;

/** One pipeline topic: whether it exists and the offsets of each partition. */
public record TopicStatus(String name, boolean exists, List<PartitionRange> partitions) {

    public TopicStatus {
        partitions = List.copyOf(partitions);
    }

    public static TopicStatus missing(String name) {
        return new TopicStatus(name, false, List.of());
    }
}
