package dev.newsflow.cli;

/**
 * The offsets one partition holds.
 *
 * @param start the earliest offset still kept (retention may have removed older ones)
 * @param end   the offset the next record will get
 */
public record PartitionRange(int partition, long start, long end) {
}
