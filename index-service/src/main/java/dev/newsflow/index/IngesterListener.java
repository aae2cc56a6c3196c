package dev.newsflow.index;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns bulk responses into one {@link WriteOutcome} per operation. Runs on the ingester's threads,
 * so it only classifies and hands over; the poll thread decides what to commit and what to retry.
 */
final class IngesterListener implements BulkListener<PendingWrite> {

    private static final Logger log = LoggerFactory.getLogger(IngesterListener.class);

    private final Consumer<WriteOutcome> outcomes;
    private final IndexerMetrics metrics;
    private final Map<Long, Long> startedNanos = new ConcurrentHashMap<>();

    IngesterListener(Consumer<WriteOutcome> outcomes, IndexerMetrics metrics) {
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<PendingWrite> contexts) {
        startedNanos.put(executionId, System.nanoTime());
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<PendingWrite> contexts, BulkResponse response) {
        timeRequest(executionId);
        List<BulkResponseItem> items = response.items();
        int retries = 0;
        for (int i = 0; i < contexts.size(); i++) {
            PendingWrite write = contexts.get(i);
            if (i >= items.size()) {
                // Elasticsearch answers every operation; if it ever does not, the write must not count as done.
                outcomes.accept(new WriteOutcome.Failed(write, "no item in the bulk response"));
                retries++;
                continue;
            }
            BulkResponseItem item = items.get(i);
            WriteOutcome outcome = outcome(write, item);
            if (outcome instanceof WriteOutcome.Failed) {
                retries++;
            }
            outcomes.accept(outcome);
        }
        if (retries > 0) {
            metrics.bulkFailure();
            log.warn("Elasticsearch did not take {} of {} operations of bulk {}; they will be retried",
                    retries, contexts.size(), executionId);
        }
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<PendingWrite> contexts, Throwable failure) {
        timeRequest(executionId);
        metrics.bulkFailure();
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        log.warn("bulk request {} of {} operations failed and will be retried: {}", executionId, contexts.size(), reason);
        for (PendingWrite write : contexts) {
            outcomes.accept(new WriteOutcome.Failed(write, reason));
        }
    }

    private static WriteOutcome outcome(PendingWrite write, BulkResponseItem item) {
        return switch (BulkItemVerdict.of(item)) {
            case DONE -> new WriteOutcome.Confirmed(write,
                    write.isDelete() ? WriteOutcome.Kind.DELETED : WriteOutcome.Kind.INDEXED);
            case VERSION_CONFLICT -> new WriteOutcome.Confirmed(write, WriteOutcome.Kind.VERSION_CONFLICT);
            case RETRY -> new WriteOutcome.Failed(write, item.status() + " " + item.error().type() + ": " + item.error().reason());
            case REJECT -> new WriteOutcome.Rejected(write, new RejectedRecordException(
                    "Elasticsearch refused document " + item.id() + " (" + item.status() + " " + refusal(item.error())));
        };
    }

    /**
     * The error with its deepest cause named first: the outer reason of a mapping error can end in a
     * preview of the field's value long enough to push the cause (an immense term, say) out of the
     * dead letter header, which keeps only the start of a message.
     */
    private static String refusal(ErrorCause error) {
        ErrorCause root = error;
        while (root.causedBy() != null) {
            root = root.causedBy();
        }
        String cause = root == error ? "" : ", caused by " + root.type() + ": " + root.reason();
        return error.type() + cause + "): " + error.reason();
    }

    private void timeRequest(long executionId) {
        Long started = startedNanos.remove(executionId);
        if (started != null) {
            metrics.bulkRequest(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
