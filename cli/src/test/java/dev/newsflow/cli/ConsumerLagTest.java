package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    private final TopicStatus topic = new TopicStatus("news.articles.raw", true, List.of(
            new PartitionRange(1, 0, 40), new PartitionRange(0, 0, 10), new PartitionRange(2, 30, 50)));

    @Test
    void lagIsEndMinusCommittedPerPartitionInPartitionOrder() {
        List<PartitionLag> lags = ConsumerLag.of(topic, Map.of(0, 7L, 1, 40L, 2, 45L));

        assertThat(lags).containsExactly(
                new PartitionLag("news.articles.raw", 0, 7L, 10, 3),
                new PartitionLag("news.articles.raw", 1, 40L, 40, 0),
                new PartitionLag("news.articles.raw", 2, 45L, 50, 5));
    }

    @Test
    void withoutACommitTheWholeKeptPartitionIsLag() {
        List<PartitionLag> lags = ConsumerLag.of(topic, Map.of(0, 10L));

        assertThat(lags).extracting(PartitionLag::committed).containsExactly(10L, null, null);
        assertThat(lags).extracting(PartitionLag::lag).containsExactly(0L, 40L, 20L);
    }

    @Test
    void aCommitBehindRetentionCountsOnlyTheRecordsStillKept() {
        List<PartitionLag> lags = ConsumerLag.of(topic, Map.of(2, 5L));

        assertThat(lags.get(2).lag()).isEqualTo(20);
    }

    @Test
    void groupTotalsAndNeverCommitted() {
        GroupLag group = new GroupLag("newsflow-enrich", topic.name(), "EMPTY", 0, ConsumerLag.of(topic, Map.of()));

        assertThat(group.total()).isEqualTo(70);
        assertThat(group.neverCommitted()).isTrue();
        assertThat(new GroupLag("g", topic.name(), "STABLE", 1, ConsumerLag.of(topic, Map.of(0, 1L))).neverCommitted())
                .isFalse();
    }
}
