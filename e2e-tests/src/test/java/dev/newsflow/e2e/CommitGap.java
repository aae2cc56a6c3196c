package dev.newsflow.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds writes Elasticsearch holds that index-service's committed offsets do not account for: the
 * moment "after a bulk was sent and before its offsets were committed". It replays the enriched
 * records below the committed offsets (what a restart would take as done) and compares the state they
 * leave with the index: a document at a newer version, or one present or absent against that state,
 * came from a record at or past a committed offset. Elasticsearch is read before the offsets, so a
 * commit landing in between can only hide a gap, never invent one.
 */
final class CommitGap {

    private final Pipeline pipeline;
    private final String source;
    private final IndexedArticles index;

    CommitGap(Pipeline pipeline, String source) {
        this.pipeline = pipeline;
        this.source = source;
        this.index = new IndexedArticles(new ElasticsearchHttp(pipeline.stack().elasticsearchUrl()), pipeline.alias());
    }

    /** A description of the writes past the committed offsets, or empty when the index holds none. */
    Optional<String> find() throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, List<Long>> indexed = index.of(source);
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
        Map<String, Long> committedState = new HashMap<>();
        for (TopicWrites.Write write : TopicWrites.of(TopicContents.read(pipeline.stack().kafkaBootstrap(),
                pipeline.topics().enriched().name(), IsolationLevel.READ_COMMITTED), source)) {
            OffsetAndMetadata done = committed.get(new TopicPartition(pipeline.topics().enriched().name(), write.partition()));
            if (done != null && write.offset() < done.offset()) {
                if (write.kill()) {
                    committedState.remove(write.id());
                } else {
                    committedState.merge(write.id(), write.version(), Math::max);
                }
            }
        }
        List<String> ahead = new ArrayList<>();
        indexed.forEach((id, versions) -> {
            long version = Collections.max(versions);
            Long done = committedState.get(id);
            if (done == null || version > done) {
                ahead.add(id + " v" + version + (done == null ? " (no committed write)" : " (committed up to v" + done + ")"));
            }
        });
        committedState.forEach((id, version) -> {
            if (!indexed.containsKey(id)) {
                ahead.add(id + " deleted (committed at v" + version + ")");
            }
        });
        if (ahead.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ahead.size() + " writes in Elasticsearch past the committed offsets, e.g. "
                + ahead.subList(0, Math.min(3, ahead.size())));
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets()
            throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().kafkaBootstrap()))) {
            return admin.listConsumerGroupOffsets(pipeline.indexGroupId()).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
