package dev.newsflow.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Computes a group's lag per partition from the topic's offsets and the group's commits. */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /**
     * @param committed the group's committed offset by partition; partitions without one are absent
     */
    public static List<PartitionLag> of(TopicStatus topic, Map<Integer, Long> committed) {
        List<PartitionLag> lags = new ArrayList<>();
        for (PartitionRange range : topic.partitions()) {
            Long offset = committed.get(range.partition());
            // Without a commit the group starts at the earliest kept record (auto.offset.reset=earliest in both
            // services); a commit older than the earliest kept offset means retention removed the records between.
            long from = offset == null ? range.start() : Math.max(offset, range.start());
            lags.add(new PartitionLag(topic.name(), range.partition(), offset, range.end(), Math.max(0, range.end() - from)));
        }
        lags.sort(Comparator.comparingInt(PartitionLag::partition));
        return lags;
    }
}
