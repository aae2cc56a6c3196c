package dev.newsflow.index;

import java.time.Duration;

/**
 * How the indexer batches writes to Elasticsearch: a bulk request is sent when it holds
 * {@code maxOperations} operations or {@code maxBytes} bytes, at the periodic flush every {@code flushInterval},
 * and at once when the indexer has read its partitions to the end (nothing more would fill it);
 * up to {@code concurrentRequests} requests are in flight at once.
 *
 * @param maxOperations      {@code NEWSFLOW_INDEX_BULK_MAX_OPERATIONS}, default 1,000
 * @param maxBytes           {@code NEWSFLOW_INDEX_BULK_MAX_BYTES}, default 5 MiB
 * @param flushInterval      {@code NEWSFLOW_INDEX_BULK_FLUSH_INTERVAL}, default 200ms: under a busy feed the
 *                           bulks fill by count or size first, and a caught-up indexer sends at once; the
 *                           interval bounds the wait in between, kept well below the index's 1 s refresh
 * @param concurrentRequests {@code NEWSFLOW_INDEX_BULK_CONCURRENCY}, default 4
 */
public record BulkSettings(int maxOperations, long maxBytes, Duration flushInterval, int concurrentRequests) {

    public static final BulkSettings DEFAULTS = new BulkSettings(1000, 5L * 1024 * 1024, Duration.ofMillis(200), 4);
}
