package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import org.junit.jupiter.api.Test;

class BulkItemVerdictTest {

    private static ErrorCause error(String type) {
        return ErrorCause.of(e -> e.type(type).reason("because"));
    }

    @Test
    void successAndMissingDeletesAreDone() {
        assertThat(BulkItemVerdict.of(201, null)).isEqualTo(BulkItemVerdict.DONE);
        assertThat(BulkItemVerdict.of(404, null)).isEqualTo(BulkItemVerdict.DONE);
    }

    @Test
    void aNewerVersionInTheIndexIsAConflictNotAFailure() {
        assertThat(BulkItemVerdict.of(409, error("version_conflict_engine_exception")))
                .isEqualTo(BulkItemVerdict.VERSION_CONFLICT);
    }

    @Test
    void overloadOutagesAndBlocksAreRetried() {
        assertThat(BulkItemVerdict.of(429, error("es_rejected_execution_exception"))).isEqualTo(BulkItemVerdict.RETRY);
        assertThat(BulkItemVerdict.of(503, error("unavailable_shards_exception"))).isEqualTo(BulkItemVerdict.RETRY);
        assertThat(BulkItemVerdict.of(403, error("cluster_block_exception"))).isEqualTo(BulkItemVerdict.RETRY);
        assertThat(BulkItemVerdict.of(404, error("index_not_found_exception"))).isEqualTo(BulkItemVerdict.RETRY);
    }

    @Test
    void documentErrorsAreRejected() {
        assertThat(BulkItemVerdict.of(400, error("document_parsing_exception"))).isEqualTo(BulkItemVerdict.REJECT);
        assertThat(BulkItemVerdict.of(400, error("strict_dynamic_mapping_exception"))).isEqualTo(BulkItemVerdict.REJECT);
    }
}
