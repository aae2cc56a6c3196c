package dev.newsflow.cli;

/**
 * How far a consumer group is behind on one partition.
 *
 * @param committed the group's committed offset, or null when it has committed none there
 * @param lag       records between the committed offset (or, without one, the earliest kept offset) and the end
 */
public record PartitionLag(String topic, int partition, Long committed, long end, long lag) {
}
