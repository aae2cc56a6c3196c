package dev.newsflow.bench;

import dev.newsflow.core.InstanceId;
import dev.newsflow.stack.Ports;
import dev.newsflow.stack.ServiceJvm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The enrich-service JVMs of one topology run: one application id, so one consumer group splitting
 * the partitions, each instance with its own port, state folder and instance id, as a deployment of
 * several instances runs them.
 */
final class EnrichInstances implements AutoCloseable {

    private final List<ServiceJvm> jvms;

    private EnrichInstances(List<ServiceJvm> jvms) {
        this.jvms = jvms;
    }

    /**
     * Starts {@code count} instances of {@code threads} stream threads each at the same time, and returns
     * once every one is ready (holds a task). Started one after another, the first would take all the
     * partitions and work alone until the next joined.
     *
     * @param tag names the run; with several instances, each adds its number for its log, state folder,
     *            JFR file and instance id
     */
    static EnrichInstances start(BenchContext context, String tag, String prefix, String appId, int count, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<Future<ServiceJvm>> starting = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String instanceTag = count == 1 ? tag : tag + "-" + i;
            starting.add(pool.submit(() -> startOne(context, instanceTag, prefix, appId, threads)));
        }
        pool.shutdown();
        List<ServiceJvm> started = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<ServiceJvm> jvm : starting) {
            try {
                started.add(jvm.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while starting " + tag, e);
            } catch (ExecutionException e) {
                failure = new IllegalStateException(tag + ": an enrich instance did not start", e.getCause());
            }
        }
        if (failure != null) {
            started.forEach(ServiceJvm::close);
            throw failure;
        }
        return new EnrichInstances(started);
    }

    private static ServiceJvm startOne(BenchContext context, String tag, String prefix, String appId, int threads) {
        int port = Ports.free();
        Map<String, String> env = context.env(prefix);
        env.put("NEWSFLOW_ENRICH_PORT", Integer.toString(port));
        env.put("NEWSFLOW_ENRICH_APP_ID", appId);
        env.put("NEWSFLOW_ENRICH_THREADS", Integer.toString(threads));
        env.put("NEWSFLOW_ENRICH_STATE_DIR", context.work().resolve("state-" + tag).toString());
        env.put(InstanceId.VARIABLE, tag);
        return context.start("enrich-service", tag, "dev.newsflow.enrich.EnrichMain", port, env);
    }

    /** User + system CPU seconds of all the instances so far. */
    double cpuSeconds() {
        return jvms.stream().mapToDouble(jvm -> ProcessUsage.of(jvm.pid()).cpuSeconds()).sum();
    }

    @Override
    public void close() {
        jvms.forEach(ServiceJvm::close);
    }
}
