package dev.newsflow.e2e;

import dev.newsflow.stack.ServiceJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A burst, as when a big story breaks and every feed sends at once: each second, all clients are let
 * go at the same instant, each with its share of that second's articles. Unlike {@link Traffic}'s
 * smooth pace, the requests of one second reach ingest together, so they press against its admission
 * bounds. Each client sends from its own seeded {@link ArticleStream} (new stories, updates, kills and
 * NDJSON batches) through a {@link FeedClient} that retries 429 and 503 after {@code Retry-After}; a
 * client held up by retries catches up on the seconds it missed, so the offered load does not shrink
 * when ingest pushes back. Every outcome goes to the {@link Ledger}, every exchange to {@link BurstAnswers}.
 */
final class Burst {

    private static final Logger log = LoggerFactory.getLogger(Burst.class);
    /** Longer than any refusal streak a burst causes, so a refused request is retried to its end, not given up. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    /**
     * @param source    the feed source the key names
     * @param perSecond articles offered each second, across all clients
     * @param seconds   how many seconds the burst lasts
     * @param clients   feed clients sending at once
     * @param seed      seeds the clients' streams
     */
    record Plan(String source, int perSecond, int seconds, int clients, long seed) {

        /** The articles of one second that client {@code client} sends: an even share, the remainder to the first ones. */
        int share(int client) {
            return perSecond / clients + (client < perSecond % clients ? 1 : 0);
        }

        int articles() {
            return perSecond * seconds;
        }
    }

    private Burst() {
    }

    /** Runs the burst to its end: every article sent and answered, or given up after {@link #GIVE_UP_AFTER}. */
    static void run(ServiceJvm ingest, String key, Plan plan, Ledger ledger, BurstAnswers answers, Duration patience)
            throws InterruptedException {
        FeedClient client = new FeedClient(ingest.uri("/v1/articles"), key, ledger, GIVE_UP_AFTER,
                new CountDownLatch(1), answers::add);
        List<CountDownLatch> seconds = IntStream.range(0, plan.seconds()).mapToObj(i -> new CountDownLatch(1)).toList();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService clients = Executors.newFixedThreadPool(plan.clients());
        try {
            for (int second = 0; second < plan.seconds(); second++) {
                clock.schedule(seconds.get(second)::countDown, second, TimeUnit.SECONDS);
            }
            List<Future<?>> sending = new ArrayList<>();
            for (int i = 0; i < plan.clients(); i++) {
                ArticleStream stream = new ArticleStream(plan.source(), "urn:e2e:" + plan.source() + ":b" + i, plan.seed() + i);
                int share = plan.share(i);
                sending.add(clients.submit(() -> {
                    for (CountDownLatch second : seconds) {
                        second.await();
                        for (int left = share; left > 0; ) {
                            int articles = Math.min(left, stream.nextSize());
                            client.send(stream.next(articles));
                            left -= articles;
                        }
                    }
                    return null;
                }));
            }
            log.info("burst of {}: {} articles/s for {} s from {} clients at once", plan.source(), plan.perSecond(),
                    plan.seconds(), plan.clients());
            for (Future<?> sender : sending) {
                sender.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new AssertionError("a burst client of " + plan.source() + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the burst of " + plan.source() + " was not sent within " + patience, e);
        } finally {
            clock.shutdownNow();
            clients.shutdownNow();
        }
    }
}
