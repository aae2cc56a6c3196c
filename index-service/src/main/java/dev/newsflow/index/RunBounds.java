package dev.newsflow.index;

import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * How far one run of the {@link ArticleIndexer} goes: without end (the live service) or up to the end
 * offsets a re-index captured before its pass.
 *
 * @param ends end offset per partition; empty for a run without end
 */
record RunBounds(Map<TopicPartition, Long> ends) {

    static final RunBounds NONE = new RunBounds(Map.of());

    RunBounds {
        ends = Map.copyOf(ends);
    }

    boolean bounded() {
        return !ends.isEmpty();
    }

    /**
     * A bounded run leaves records at or past its end alone: the topic keeps growing while it runs,
     * and with writes always in flight it would never find itself done. Its commits stop at the end,
     * so a next run over the same group starts exactly there.
     */
    boolean beyond(ConsumerRecord<?, ?> record) {
        Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
        return end != null && record.offset() >= end;
    }

    /** Every partition read up to its end, and none of it still waiting for Elasticsearch or the dead letter topic. */
    boolean reachedBy(Consumer<?, ?> consumer, ToIntFunction<TopicPartition> inFlight) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            TopicPartition partition = end.getKey();
            if (end.getValue() <= 0) {
                continue;
            }
            // The position, not the last offset seen: compaction and transaction markers leave gaps before the end.
            if (!assigned.contains(partition) || consumer.position(partition) < end.getValue()
                    || inFlight.applyAsInt(partition) > 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return bounded() ? "up to offsets " + ends : "without end";
    }
}
