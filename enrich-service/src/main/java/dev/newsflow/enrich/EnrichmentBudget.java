package dev.newsflow.enrich;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each enrichment on a worker thread and waits at most the budget for it. A record that takes
 * longer is given up with {@link EnrichmentException} ("enrichment timed out after …"), so it goes to
 * the dead letters and the stream carries on, instead of running past the transaction timeout, being
 * fenced, retried and wedging its partition for good.
 *
 * <p>Java cannot stop a thread that does not look at its interrupt flag, so a timed-out worker is
 * interrupted and left to finish on its own, and a fresh one takes its place. Every step is linear in
 * its input, so this is a second line of defence; {@link #abandoned()} counts the workers given up,
 * and readiness reports the service as unhealthy when they pile up.
 */
public final class EnrichmentBudget implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentBudget.class);
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private final Function<RawArticle, EnrichedArticle> enrichment;
    private final Duration budget;
    private final AtomicInteger abandoned;
    private ExecutorService worker = newWorker();

    /**
     * @param abandoned shared by every task's budget: the workers given up so far
     */
    public EnrichmentBudget(Function<RawArticle, EnrichedArticle> enrichment, Duration budget, AtomicInteger abandoned) {
        this.enrichment = enrichment;
        this.budget = budget;
        this.abandoned = abandoned;
    }

    /**
     * The enriched article, if it is done within the budget.
     *
     * @throws EnrichmentException when it is not, or when the stream thread is interrupted meanwhile
     */
    public EnrichedArticle enrich(RawArticle raw) {
        Future<EnrichedArticle> result = worker.submit(() -> enrichment.apply(raw));
        try {
            return result.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            int count = abandoned.incrementAndGet();
            log.error("enrichment of {} took longer than {} ms; given up ({} worker(s) given up so far)",
                    raw.id(), budget.toMillis(), count);
            throw new EnrichmentException("enrichment timed out after " + budget.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("enrichment failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new EnrichmentException("interrupted while enriching");
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "enrich-worker-" + WORKERS.incrementAndGet());
            // A worker left running after a timeout must not keep the JVM from exiting.
            thread.setDaemon(true);
            return thread;
        });
    }
}
