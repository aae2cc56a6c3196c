package dev.newsflow.stack;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local cluster and a fleet of two instances per service in the foreground for
 * {@code ./newsflow up --cluster}; stops them all on Ctrl-C or SIGTERM. Once everything is ready it
 * writes where each broker, node and instance answers to {@code <home>/endpoints.env} (shell
 * {@code NAME=value} lines) and logs {@code READY}.
 *
 * <p>The services' class paths come from {@code NEWSFLOW_CLASSPATH_INGEST}, {@code _ENRICH} and
 * {@code _INDEX}, which the script sets from the built modules.
 */
public final class LocalClusterMain {

    private static final Logger log = LoggerFactory.getLogger(LocalClusterMain.class);
    /** The second instance of a service listens this far above the first. */
    static final int INSTANCE_PORT_STEP = 10;
    static final int INSTANCES = 2;

    private LocalClusterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Env env = new Env(System.getenv());
        ClusterSettings settings;
        ServiceFleet.Plan plan;
        try {
            settings = ClusterSettings.fromEnv(env);
            plan = fleetPlan(env, settings);
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.close();
            cluster.close();
            stopped.countDown();
        }, "cluster-shutdown"));
        writeEndpoints(settings, fleet);
        log.info("READY cluster kafka={} elasticsearch={} home={}", settings.kafkaBootstrap(), settings.elasticsearchUrls(),
                settings.home());
        watch(cluster, fleet, stopped);
    }

    /** Keeps running when a server or instance dies (an operator may be testing exactly that), but says so once. */
    private static void watch(LocalCluster cluster, ServiceFleet fleet, CountDownLatch stopped) throws InterruptedException {
        List<String> reported = List.of();
        while (!stopped.await(5, TimeUnit.SECONDS)) {
            List<String> down = new ArrayList<>(cluster.stoppedServers());
            fleet.all().stream().filter(instance -> !instance.alive()).forEach(instance -> down.add(instance.name()));
            if (!down.isEmpty() && !down.equals(reported)) {
                log.error("stopped unexpectedly: {}", String.join(", ", down));
            }
            reported = down;
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

    private static void writeEndpoints(ClusterSettings settings, ServiceFleet fleet) {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by ./newsflow up --cluster; where everything answers.");
        lines.add("NEWSFLOW_KAFKA_BOOTSTRAP=" + settings.kafkaBootstrap());
        lines.add("NEWSFLOW_ES_URL=" + settings.elasticsearchUrls());
        for (FleetService service : FleetService.values()) {
            lines.add("NEWSFLOW_" + service.name() + "_URL=" + fleet.urls(service));
        }
        lines.add("NEWSFLOW_CLUSTER_LOGS=" + settings.home().resolve("logs"));
        Path file = settings.home().resolve("endpoints.env");
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
