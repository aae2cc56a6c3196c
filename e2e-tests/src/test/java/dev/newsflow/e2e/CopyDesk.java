package dev.newsflow.e2e;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a traffic's near-duplicate copies, as a second agency re-sending wire stories would: each copy goes
 * out at the earliest {@link StoryCopy#after()} its original was answered, and only once the original is
 * searchable. Dedup names as the original whichever of two close stories reached it first, whatever their
 * ingest times (enrich's {@code AnswerTally}), and a fault can hold an original's partition back for longer
 * than any fixed delay (dedup's backlog inside enrich can hold stories for minutes after a fault); once the
 * original is searchable it has been through dedup, so it must be the one its copy names. Copies go out one
 * at a time on the desk's own thread, through the traffic's feed client; a copy still held when the desk is
 * closed is never sent.
 */
final class CopyDesk implements AutoCloseable {

    /** Which of the given article ids a search finds now. */
    @FunctionalInterface
    interface Searchable {
        Set<String> of(Collection<String> ids);
    }

    private static final Logger log = LoggerFactory.getLogger(CopyDesk.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private record Held(StoryCopy copy, Instant due) {
    }

    private final FeedClient client;
    private final Searchable searchable;
    private final ConcurrentLinkedQueue<Held> held = new ConcurrentLinkedQueue<>();
    private final List<StoryCopy> sent = new ArrayList<>();
    /** For each copy sent, how long past its delay it waited for its original to be searchable. */
    private final List<Duration> waited = new ArrayList<>();
    private final ScheduledExecutorService desk = Executors.newSingleThreadScheduledExecutor();
    /** When the desk last logged how far it is; read and written on the desk's thread only. */
    private Instant lastProgress = Instant.now();

    CopyDesk(FeedClient client, Searchable searchable) {
        this.client = client;
        this.searchable = searchable;
        desk.scheduleWithFixedDelay(this::sendDueLogged, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes copies whose originals were just answered. */
    void hold(List<StoryCopy> copies) {
        Instant now = Instant.now();
        copies.forEach(copy -> held.add(new Held(copy, now.plus(copy.after()))));
    }

    /** Whether no copy waits: each was sent (with whatever outcome). */
    boolean idle() {
        return held.isEmpty();
    }

    /** The copies sent so far, their outcomes in the ledger. */
    synchronized List<StoryCopy> sent() {
        return List.copyOf(sent);
    }

    /** Copies not sent (yet): their original is not searchable. */
    int held() {
        return held.size();
    }

    /** A scheduled task that throws is not run again, and says so nowhere: this says it. */
    private void sendDueLogged() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.error("the copy desk stopped; {} copies will not be sent", held.size(), e);
            throw e;
        }
    }

    private void sendDue() {
        Instant now = Instant.now();
        List<Held> due = held.stream().filter(h -> !h.due().isAfter(now)).toList();
        if (now.isAfter(lastProgress.plus(PROGRESS_EVERY))) {
            lastProgress = now;
            log.info("copy desk: {} held, {} of them due (the longest {} s past due); {}", held.size(), due.size(),
                    due.stream().map(h -> Duration.between(h.due(), now).toSeconds()).max(Long::compare).orElse(0L), summary());
        }
        if (due.isEmpty()) {
            return;
        }
        Set<String> out;
        try {
            out = searchable.of(due.stream().map(h -> h.copy().originalId()).toList());
        } catch (UncheckedIOException | IllegalStateException e) {
            log.warn("cannot tell whether {} originals are searchable; asking again in {}: {}", due.size(), TICK, e.toString());
            return;
        }
        for (Held h : due) {
            if (out.contains(h.copy().originalId())) {
                client.send(h.copy().request());
                sent(h, Duration.between(h.due(), now));
            }
        }
    }

    /** Removed from {@link #held} only now, so that {@link #idle()} is not true while a copy is still on the wire. */
    private synchronized void sent(Held h, Duration pastDue) {
        sent.add(h.copy());
        waited.add(pastDue);
        held.remove(h);
    }

    /** Copies sent, and how long they waited past their delay for their original. */
    synchronized String summary() {
        List<Long> seconds = waited.stream().map(Duration::toSeconds).sorted().toList();
        return sent.size() + " sent" + (seconds.isEmpty() ? ""
                : "; their originals searchable at most " + seconds.getLast() + " s (median " + seconds.get(seconds.size() / 2)
                + " s) past the copies' delay");
    }

    @Override
    public void close() {
        log.info("copy desk closing: {} still held, never sent; {}", held.size(), summary());
        desk.shutdownNow();
        try {
            if (!desk.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("the copy desk did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
