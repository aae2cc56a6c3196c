package dev.newsflow.stack;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local cluster and a fleet of two instances per service in the foreground for
 * {@code ./newsflow up --cluster}; stops them all on Ctrl-C or SIGTERM. Once everything is ready it
 * writes where each broker, node and instance answers, and its process id, to {@code <home>/endpoints.env}
 * (shell {@code NAME=value} lines) and logs {@code READY}. A broker, node or instance that dies is started
 * again after a pause ({@link RestartSchedule}), and the file rewritten with its new process id.
 *
 * <p>The services' class paths come from {@code NEWSFLOW_CLASSPATH_INGEST}, {@code _ENRICH} and
 * {@code _INDEX}, which the script sets from the built modules.
 */
public final class LocalClusterMain {

    private static final Logger log = LoggerFactory.getLogger(LocalClusterMain.class);
    /** The second instance of a service listens this far above the first. */
    static final int INSTANCE_PORT_STEP = 10;
    static final int INSTANCES = 2;
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(5);
    private static final Duration WATCHER_STOP_TIMEOUT = Duration.ofSeconds(60);

    private LocalClusterMain() {
    }

    public static void main(String[] args) {
        Env env = new Env(System.getenv());
        ClusterSettings settings;
        ServiceFleet.Plan plan;
        RestartSchedule schedule;
        try {
            settings = ClusterSettings.fromEnv(env);
            plan = fleetPlan(env, settings);
            schedule = RestartSchedule.fromEnv(env);
        } catch (ConfigException e) {
            log.error("cannot start the local cluster: {}", e.getMessage());
            System.exit(2);
            return;
        }
        LocalCluster cluster;
        ServiceFleet fleet;
        try {
            cluster = LocalCluster.start(settings);
        } catch (StackStartException e) {
            log.error("the local cluster did not start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        try {
            fleet = ServiceFleet.start(plan);
        } catch (StackStartException e) {
            log.error("the services did not start: {}", e.getMessage());
            cluster.close();
            System.exit(2);
            return;
        }
        List<ClusterMember> members = new ArrayList<>(cluster.members());
        members.addAll(fleet.members());
        Thread watcher = Thread.currentThread();
        CountDownLatch watching = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // A restart under way stops what it started once interrupted; only then is everything stopped,
            // so that nothing started late outlives this JVM.
            watcher.interrupt();
            awaitQuietly(watching);
            fleet.close();
            cluster.close();
        }, "cluster-shutdown"));
        Path endpoints = settings.home().resolve("endpoints.env");
        writeEndpoints(endpoints, settings, fleet, members);
        log.info("READY cluster kafka={} elasticsearch={} home={}", settings.kafkaBootstrap(), settings.elasticsearchUrls(),
                settings.home());
        try {
            watch(members, schedule, () -> writeEndpoints(endpoints, settings, fleet, members));
        } finally {
            watching.countDown();
        }
    }

    /**
     * Keeps running when a server or instance dies (an operator may be testing exactly that), says so, and
     * after the schedule's pause starts it again; returns once interrupted by the shutdown hook.
     *
     * @param restarted called after each restart (the process ids have changed)
     */
    private static void watch(List<ClusterMember> members, RestartSchedule schedule, Runnable restarted) {
        List<String> reported = List.of();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(WATCH_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<ClusterMember> down = members.stream().filter(member -> !member.running().getAsBoolean()).toList();
            List<String> names = down.stream().map(ClusterMember::name).toList();
            if (!down.isEmpty() && !names.equals(reported)) {
                log.error("stopped unexpectedly: {}{}", down.stream().map(m -> m.name() + " (log: " + m.log() + ")")
                        .collect(Collectors.joining(", ")), schedule.pause().map(pause -> "; restarting after "
                        + pause.toSeconds() + " s down").orElse(" (restarts are off: " + RestartSchedule.VARIABLE + ")"));
            }
            reported = names;
            for (String name : schedule.due(names, Instant.now())) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                ClusterMember member = down.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
                if (restart(member, schedule)) {
                    restarted.run();
                }
            }
        }
    }

    /** Starts {@code member} again and says whether it came back. */
    private static boolean restart(ClusterMember member, RestartSchedule schedule) {
        log.info("restarting {} (it stopped unexpectedly)", member.name());
        long began = System.nanoTime();
        try {
            member.restart().run();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                log.info("restart of {} given up: stopping", member.name());
                return false;
            }
            schedule.failed(member.name(), Instant.now());
            log.error("{} did not come back; trying again in {} s", member.name(),
                    schedule.pause().orElseThrow().toSeconds(), e);
            return false;
        }
        log.info("{} is back (pid {}) after {} s", member.name(), member.pid().getAsLong(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
        return true;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(WATCHER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("the watcher did not stop within {} s; stopping everything anyway", WATCHER_STOP_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ServiceFleet.Plan fleetPlan(Env env, ClusterSettings settings) {
        Map<String, String> serviceEnv = new HashMap<>();
        serviceEnv.put("NEWSFLOW_KAFKA_BOOTSTRAP", settings.kafkaBootstrap());
        serviceEnv.put("NEWSFLOW_ES_URL", settings.elasticsearchUrls());
        serviceEnv.put("NEWSFLOW_TOPIC_REPLICATION", Integer.toString(ClusterSettings.SIZE));
        serviceEnv.put("NEWSFLOW_TOPIC_MIN_ISR", Integer.toString(ClusterSettings.SIZE - 1));
        serviceEnv.put("NEWSFLOW_INDEX_REPLICAS", "1");
        Map<FleetService, List<Integer>> ports = new EnumMap<>(FleetService.class);
        Map<FleetService, String> classPaths = new EnumMap<>(FleetService.class);
        int[] defaults = {8081, 8082, 8083};
        for (FleetService service : FleetService.values()) {
            int first = env.port(service.portVariable(), defaults[service.ordinal()]);
            ports.put(service, List.of(first, first + INSTANCE_PORT_STEP));
            classPaths.put(service, env.required("NEWSFLOW_CLASSPATH_" + service.name()));
        }
        return new ServiceFleet.Plan(serviceEnv, ports, classPaths::get, settings.home().resolve("services"),
                settings.home().resolve("logs"), env.string("NEWSFLOW_SERVICE_HEAP", "512m"));
    }

    /**
     * Writes where everything answers and each member's process id ({@code NEWSFLOW_PID_KAFKA_2=…}, for a
     * fault drill's {@code kill -9}); replaced whole, so a reader never sees half a file.
     */
    private static void writeEndpoints(Path file, ClusterSettings settings, ServiceFleet fleet, List<ClusterMember> members) {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by ./newsflow up --cluster; where everything answers, and the process ids (after each restart).");
        lines.add("NEWSFLOW_KAFKA_BOOTSTRAP=" + settings.kafkaBootstrap());
        lines.add("NEWSFLOW_ES_URL=" + settings.elasticsearchUrls());
        for (FleetService service : FleetService.values()) {
            lines.add("NEWSFLOW_" + service.name() + "_URL=" + fleet.urls(service));
        }
        lines.add("NEWSFLOW_CLUSTER_LOGS=" + settings.home().resolve("logs"));
        for (ClusterMember member : members) {
            lines.add(member.pidVariable() + "=" + member.pid().getAsLong());
        }
        try {
            Path staging = file.resolveSibling(file.getFileName() + ".new");
            Files.write(staging, lines, StandardCharsets.UTF_8);
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
