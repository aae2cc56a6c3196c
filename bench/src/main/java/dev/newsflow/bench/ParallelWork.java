package dev.newsflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Items 0..n-1 handed out to a fixed number of workers, each taking the next free item, timed as a whole. */
final class ParallelWork {

    /** The work on one item. */
    @FunctionalInterface
    interface Item {
        void run(int index) throws Exception;
    }

    private ParallelWork() {
    }

    /**
     * Runs {@code work} on every item with {@code workers} threads and returns the seconds it took.
     *
     * @throws IllegalStateException naming {@code what} when an item fails or the run is interrupted
     */
    static double run(int workers, int items, String what, Item work) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long started = System.nanoTime();
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
                        work.run(i);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
