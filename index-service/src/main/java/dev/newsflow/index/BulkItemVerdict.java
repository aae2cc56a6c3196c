package dev.newsflow.index;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.Set;

/** How the indexer treats one item of a bulk response. */
enum BulkItemVerdict {
    /** Written, or deleted (a delete of a missing id also lands here: the article is gone either way). */
    DONE,
    /** Elasticsearch holds a newer or equal version ({@code external_gte}): nothing to do, counts as done. */
    VERSION_CONFLICT,
    /** The cluster could not take it now; the record is fine and must be written again. */
    RETRY,
    /** The document itself is refused (mapping, validation): dead letter. */
    REJECT;

    /**
     * Errors that are not the document's fault although their status is a 4xx: a missing index (the
     * alias is being moved), a cluster block (disk flood stage makes indices read-only until freed).
     */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "index_not_found_exception", "cluster_block_exception", "unavailable_shards_exception");

    static BulkItemVerdict of(BulkResponseItem item) {
        return of(item.status(), item.error());
    }

    static BulkItemVerdict of(int status, ErrorCause error) {
        if (error == null) {
            return DONE;
        }
        if (status == 409) {
            return VERSION_CONFLICT;
        }
        if (status == 429 || status >= 500 || TRANSIENT_TYPES.contains(error.type())) {
            return RETRY;
        }
        return REJECT;
    }
}
