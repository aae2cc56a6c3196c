package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class IdOrderTest {

    private final IdOrder order = new IdOrder();

    @Test
    void aSecondWriteOfAnIdWaitsForTheFirstAndOthersGoOn() {
        BulkWrite story = write("story", 0, 0);
        BulkWrite kill = write("story", 0, 1);
        BulkWrite other = write("other", 0, 2);

        assertThat(order.admit(story)).isTrue();
        assertThat(order.admit(kill)).isFalse();
        assertThat(order.admit(other)).isTrue();
        assertThat(order.heldCount()).isEqualTo(1);

        assertThat(order.settled("story")).contains(kill);
        // The kill is now the id's write with Elasticsearch: a third write of the id waits for it.
        assertThat(order.admit(write("story", 0, 3))).isFalse();
        assertThat(order.settled("story")).isPresent();
        assertThat(order.settled("story")).isEmpty();
        assertThat(order.admit(write("story", 0, 4))).isTrue();
    }

    @Test
    void heldWritesOfOnePartitionCanBeDroppedForARewind() {
        order.admit(write("a", 0, 0));
        order.admit(write("b", 1, 0));
        BulkWrite heldInZero = write("a", 0, 1);
        BulkWrite heldInOne = write("b", 1, 1);
        order.admit(heldInZero);
        order.admit(heldInOne);

        assertThat(order.dropHeld(w -> w.partition().partition() == 0)).containsExactly(heldInZero);
        assertThat(order.heldCount()).isEqualTo(1);
        assertThat(order.settled("a")).isEmpty();
        assertThat(order.settled("b")).contains(heldInOne);
    }

    private static BulkWrite write(String id, int partition, long offset) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("t", partition, offset, id.getBytes(), null);
        return new BulkWrite(BulkOperation.of(b -> b.delete(d -> d.index("i").id(id))),
                new PendingWrite(record, id, null, Instant.EPOCH));
    }
}
