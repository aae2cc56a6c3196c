package dev.newsflow.index;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;

/**
 * One record of the enriched topic made ready for the bulk ingester: the operation to send and the
 * context that comes back with its outcome.
 */
record BulkWrite(BulkOperation operation, PendingWrite context) {

    String id() {
        return context.id();
    }
}
