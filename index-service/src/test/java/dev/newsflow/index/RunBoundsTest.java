package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RunBoundsTest {

    private static final TopicPartition P0 = new TopicPartition("enriched", 0);
    private static final TopicPartition P1 = new TopicPartition("enriched", 1);
    private static final TopicPartition EMPTY = new TopicPartition("enriched", 2);
    private final RunBounds bounds = new RunBounds(Map.of(P0, 10L, P1, 5L, EMPTY, 0L));

    @Test
    void recordsFromTheEndOnAreLeftAlone() {
        assertThat(bounds.beyond(record(P0, 9))).isFalse();
        assertThat(bounds.beyond(record(P0, 10))).isTrue();
        assertThat(bounds.beyond(record(P1, 12))).isTrue();
        assertThat(bounds.beyond(record(new TopicPartition("enriched", 7), 100))).isFalse();
        assertThat(RunBounds.NONE.beyond(record(P0, 1_000_000))).isFalse();
        assertThat(RunBounds.NONE.bounded()).isFalse();
    }

    @Test
    void reachedWhenEveryPartitionIsReadToItsEndAndNothingIsInFlight() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.seek(P0, 10);
        consumer.seek(P1, 4);

        assertThat(bounds.reachedBy(consumer, p -> 0)).isFalse();
        consumer.seek(P1, 7); // past the end: transaction markers or skipped records
        assertThat(bounds.reachedBy(consumer, p -> 0)).isTrue();
        assertThat(bounds.reachedBy(consumer, p -> p.equals(P0) ? 1 : 0)).isFalse();
    }

    @Test
    void aPartitionNotAssignedIsNotReached() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(P0));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.seek(P0, 10);

        assertThat(bounds.reachedBy(consumer, p -> 0)).isFalse();
        assertThat(new RunBounds(Map.of(P0, 10L)).reachedBy(consumer, p -> 0)).isTrue();
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, new byte[0], new byte[0]);
    }
}
