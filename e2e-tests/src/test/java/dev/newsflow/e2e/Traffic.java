package dev.newsflow.e2e;

import static org.awaitility.Awaitility.await;

import dev.newsflow.stack.ServiceJvm;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream of articles sent over HTTP by several feed clients at once, paced to a rate, each
 * client with its own seeded {@link ArticleStream}; every outcome is written to the {@link Ledger}.
 * The pace is a token bucket holding at most one second of articles, so a client held up by a fault
 * does not come back with a burst of everything it missed. A plan may also have near-duplicate copies of
 * some stories sent later by a {@link CopyDesk}, on top of its articles and outside the pace.
 */
final class Traffic implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Traffic.class);
    private static final Duration TICK = Duration.ofMillis(50);

    /**
     * @param source      the feed source the key names; article ids derive from it
     * @param articles    article versions to send in all (a batch counts each of its articles)
     * @param perSecond   the pace, in articles per second
     * @param clients     feed client threads
     * @param seed        seeds the clients' streams
     * @param giveUpAfter how long one request is retried before it is given up (unconfirmed)
     * @param copyShare   the share of new stories re-sent later as a near-duplicate ({@link StoryCopy}); 0 for none
     */
    record Plan(String source, int articles, int perSecond, int clients, long seed, Duration giveUpAfter,
                double copyShare) {

        /** A plan without copies. */
        Plan(String source, int articles, int perSecond, int clients, long seed, Duration giveUpAfter) {
            this(source, articles, perSecond, clients, seed, giveUpAfter, 0);
        }
    }

    private final Plan plan;
    private final Ledger ledger;
    private final FeedClient client;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Semaphore tokens = new Semaphore(0);
    private final AtomicInteger unclaimed;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();
    private final Optional<CopyDesk> copies;

    private Traffic(URI ingest, String key, Plan plan, Ledger ledger, Optional<CopyDesk.Searchable> searchable) {
        this.plan = plan;
        this.ledger = ledger;
        this.client = new FeedClient(ingest.resolve("/v1/articles"), key, ledger, plan.giveUpAfter(), stopped);
        this.unclaimed = new AtomicInteger(plan.articles());
        this.clients = Executors.newFixedThreadPool(plan.clients());
        this.copies = plan.copyShare() > 0 ? Optional.of(new CopyDesk(client, searchable.orElseThrow(() ->
                new IllegalArgumentException("a plan with copies needs a way to see their originals searchable"))))
                : Optional.empty();
    }

    /** Starts the clients; they send until the plan's articles are all sent (or given up) or {@link #close()}. */
    static Traffic start(ServiceJvm ingest, String key, Plan plan, Ledger ledger) {
        return start(new Traffic(ingest.uri("/"), key, plan, ledger, Optional.empty()));
    }

    /** Like {@link #start(ServiceJvm, String, Plan, Ledger)}; the plan's copies wait until their originals are {@code searchable}. */
    static Traffic start(ServiceJvm ingest, String key, Plan plan, Ledger ledger, CopyDesk.Searchable searchable) {
        return start(new Traffic(ingest.uri("/"), key, plan, ledger, Optional.of(searchable)));
    }

    private static Traffic start(Traffic traffic) {
        Plan plan = traffic.plan;
        int perTick = Math.max(1, (int) (plan.perSecond() * TICK.toMillis() / 1000));
        traffic.pacer.scheduleAtFixedRate(() -> {
            if (traffic.tokens.availablePermits() < plan.perSecond()) {
                traffic.tokens.release(perTick);
            }
        }, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        for (int i = 0; i < plan.clients(); i++) {
            ArticleStream stream = new ArticleStream(plan.source(), "urn:e2e:" + plan.source() + ":c" + i, plan.seed() + i,
                    plan.copyShare());
            traffic.running.add(traffic.clients.submit(() -> traffic.sendAll(stream)));
        }
        log.info("traffic for {}: {} articles at {}/s from {} clients{}", plan.source(), plan.articles(),
                plan.perSecond(), plan.clients(), plan.copyShare() > 0 ? ", and copies of " + plan.copyShare()
                        + " of the new stories" : "");
        return traffic;
    }

    private void sendAll(ArticleStream stream) {
        try {
            while (stopped.getCount() > 0) {
                int granted = claim(stream.nextSize());
                if (granted == 0) {
                    return;
                }
                tokens.acquire(granted);
                client.send(stream.next(granted));
                copies.ifPresent(desk -> desk.hold(stream.takeCopies()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int claim(int wanted) {
        while (true) {
            int left = unclaimed.get();
            int granted = Math.min(left, wanted);
            if (granted == 0 || unclaimed.compareAndSet(left, left - granted)) {
                return granted;
            }
        }
    }

    Plan plan() {
        return plan;
    }

    /** Sends one request of the test's own making through the same feed client, so the ledger holds its outcome too. */
    void send(FeedRequest request) {
        client.send(request);
    }

    /** Requests on the wire right now. */
    int inFlight() {
        return client.inFlight();
    }

    long connectionFailures() {
        return client.connectionFailures();
    }

    long retries() {
        return client.retries();
    }

    /** Whether every client has sent its share (copies aside). */
    boolean finished() {
        return running.stream().allMatch(Future::isDone);
    }

    /**
     * Waits until every copy was sent, each once its original is searchable, so for as long as the pipeline
     * takes to catch up on the originals; false when some were still held after {@code patience} (they are
     * then never sent).
     */
    boolean awaitCopies(Duration patience) {
        try {
            await("copies of " + plan.source() + " sent").atMost(patience).pollInterval(Duration.ofSeconds(1))
                    .until(() -> copies.map(CopyDesk::idle).orElse(true));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** The near-duplicate copies sent, each with the id of its original; their outcomes are in the ledger. */
    List<StoryCopy> copiesSent() {
        return copies.map(CopyDesk::sent).orElse(List.of());
    }

    /** Copies not sent (yet), as their original is not searchable. */
    int copiesHeld() {
        return copies.map(CopyDesk::held).orElse(0);
    }

    /**
     * Waits until every client has sent its share, then fails if one stopped on an error of its own
     * (rather than of the service, which the ledger records).
     */
    void awaitFinished(Duration patience) {
        await("traffic of " + plan.source() + " sent").atMost(patience).pollInterval(Duration.ofMillis(500))
                .until(this::finished);
        for (Future<?> client : running) {
            try {
                client.get();
            } catch (ExecutionException e) {
                throw new AssertionError("a feed client of " + plan.source() + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while collecting the feed clients", e);
            }
        }
    }

    /** Articles answered with 202 so far. */
    int acknowledged() {
        return ledger.acknowledged();
    }

    @Override
    public void close() {
        stopped.countDown();
        tokens.release(plan.articles());
        pacer.shutdownNow();
        copies.ifPresent(CopyDesk::close);
        clients.shutdown();
        try {
            if (!clients.awaitTermination(1, TimeUnit.MINUTES)) {
                clients.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clients.shutdownNow();
        }
    }
}
