package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class IngesterListenerTest {

    private final List<WriteOutcome> outcomes = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngesterListener listener = new IngesterListener(outcomes::add, new IndexerMetrics(registry));
    private final BulkRequest request = BulkRequest.of(b -> b.operations(List.of()));

    private static PendingWrite write(long offset, boolean delete) {
        byte[] value = delete ? null : "{}".getBytes();
        return new PendingWrite(new ConsumerRecord<>("t", 0, offset, "k".getBytes(), value), "k", null, Instant.EPOCH);
    }

    private static BulkResponseItem item(int status, String errorType) {
        return BulkResponseItem.of(i -> {
            i.operationType(OperationType.Index).index("news-v1").id("k").status(status);
            if (errorType != null) {
                i.error(e -> e.type(errorType).reason("why"));
            }
            return i;
        });
    }

    @Test
    void classifiesEachItemOfAResponse() {
        List<PendingWrite> writes = List.of(write(0, false), write(1, true), write(2, false), write(3, false), write(4, false));
        BulkResponse response = BulkResponse.of(r -> r.errors(true).took(3).items(
                item(201, null), item(200, null), item(409, "version_conflict_engine_exception"),
                item(429, "es_rejected_execution_exception"), item(400, "document_parsing_exception")));

        listener.beforeBulk(1, request, writes);
        listener.afterBulk(1, request, writes, response);

        assertThat(outcomes).hasSize(5);
        assertThat(outcomes.get(0)).isEqualTo(new WriteOutcome.Confirmed(writes.get(0), WriteOutcome.Kind.INDEXED));
        assertThat(outcomes.get(1)).isEqualTo(new WriteOutcome.Confirmed(writes.get(1), WriteOutcome.Kind.DELETED));
        assertThat(outcomes.get(2)).isEqualTo(new WriteOutcome.Confirmed(writes.get(2), WriteOutcome.Kind.VERSION_CONFLICT));
        assertThat(outcomes.get(3)).isInstanceOf(WriteOutcome.Failed.class);
        assertThat(outcomes.get(4)).isInstanceOfSatisfying(WriteOutcome.Rejected.class, r ->
                assertThat(r.reason()).hasMessageContaining("document_parsing_exception"));
        assertThat(registry.get("newsflow.index.bulk.failures").counter().count()).isEqualTo(1);
        assertThat(registry.get("newsflow.index.bulk.requests").timer().count()).isEqualTo(1);
    }

    @Test
    void aRefusedDocumentNamesItsDeepestCauseBeforeTheLongOuterReason() {
        List<PendingWrite> writes = List.of(write(0, false));
        String preview = "s".repeat(3000);
        BulkResponseItem refused = BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("news-v1").id("k")
                .status(400).error(e -> e.type("document_parsing_exception")
                        .reason("failed to parse field [subjects] of type [keyword]. Preview of field's value: '" + preview + "'")
                        .causedBy(c -> c.type("illegal_argument_exception")
                                .reason("Document contains at least one immense term in field=\"subjects\""))));

        listener.beforeBulk(3, request, writes);
        listener.afterBulk(3, request, writes, BulkResponse.of(r -> r.errors(true).took(1).items(refused)));

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(WriteOutcome.Rejected.class, r ->
                assertThat(r.reason().getMessage()).startsWith("Elasticsearch refused document k (400 document_parsing_exception,"
                        + " caused by illegal_argument_exception: Document contains at least one immense term in field=\"subjects\"):"
                        + " failed to parse field [subjects]"));
    }

    @Test
    void aFailedRequestFailsEveryWrite() {
        List<PendingWrite> writes = List.of(write(7, false), write(8, true));

        listener.beforeBulk(2, request, writes);
        listener.afterBulk(2, request, writes, new IOException("Connection refused"));

        assertThat(outcomes).extracting(WriteOutcome::write).containsExactlyElementsOf(writes);
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> assertThat(f.reason()).contains("Connection refused")));
        assertThat(registry.get("newsflow.index.bulk.failures").counter().count()).isEqualTo(1);
    }
}
