package dev.newsflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Several instances of each service, each in a JVM of its own on a port of its own, as a scaled
 * deployment runs them: the instances of a service share its consumer group (index) or Streams
 * application id (enrich) and split the partitions between them, and each is named by
 * {@code NEWSFLOW_INSTANCE_ID=<service>-<n>} (its static membership in the group). Each instance can be
 * killed and restarted alone.
 */
public final class ServiceFleet implements AutoCloseable {

    private static final String CURSOR_KEY = "NEWSFLOW_SEARCH_CURSOR_KEY";

    private final Map<FleetService, List<ServiceJvm>> instances = new EnumMap<>(FleetService.class);

    private ServiceFleet() {
    }

    /**
     * How to run the fleet.
     *
     * @param env       the environment every instance shares (Kafka, Elasticsearch, keys, topic prefix, group ids)
     * @param ports     each service's instances' ports: one instance per port
     * @param classPath each service's class path (this JVM's own where the services are on it)
     * @param stateDir  where each enrich instance keeps its own state store, in {@code enrich-<n>}
     * @param logs      where each instance's log goes, as {@code <service>-<n>.log}
     * @param heap      -Xmx of each instance
     */
    public record Plan(Map<String, String> env, Map<FleetService, List<Integer>> ports,
                       Function<FleetService, String> classPath, Path stateDir, Path logs, String heap) {
    }

    /**
     * Starts ingest, then enrich, then index: the instances of one service at once, each awaited until ready.
     *
     * @throws StackStartException with the log's tail of an instance that did not become ready; the rest are stopped
     */
    public static ServiceFleet start(Plan plan) {
        ServiceFleet fleet = new ServiceFleet();
        // A search's next page may be asked of the other index instance: both must sign cursors alike.
        String cursorKey = System.getenv().getOrDefault(CURSOR_KEY, UUID.randomUUID().toString());
        // A thread per instance: the common pool has one thread on two cores, and would start them one by one.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (FleetService service : FleetService.values()) {
                List<CompletableFuture<ServiceJvm>> starting = new ArrayList<>();
                List<Integer> ports = plan.ports().getOrDefault(service, List.of());
                for (int i = 0; i < ports.size(); i++) {
                    int n = i + 1;
                    int port = ports.get(i);
                    starting.add(CompletableFuture.supplyAsync(() -> startInstance(plan, service, n, port, cursorKey), threads));
                }
                List<ServiceJvm> started = new ArrayList<>();
                fleet.instances.put(service, started);
                for (CompletableFuture<ServiceJvm> instance : starting) {
                    started.add(instance.join());
                }
            }
            return fleet;
        } catch (CompletionException e) {
            fleet.close();
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static ServiceJvm startInstance(Plan plan, FleetService service, int n, int port, String cursorKey) {
        String id = service.shortName() + "-" + n;
        Map<String, String> env = new HashMap<>(plan.env());
        env.putIfAbsent(CURSOR_KEY, cursorKey);
        env.put(service.portVariable(), Integer.toString(port));
        env.put("NEWSFLOW_INSTANCE_ID", id);
        // Two Streams instances must not share a state folder: each locks its task folders.
        env.put("NEWSFLOW_ENRICH_STATE_DIR", plan.stateDir().resolve("enrich-" + n).toString());
        ChildJvm jvm = ChildJvm.of(service.mainClass()).classPath(plan.classPath().apply(service))
                .jvmOptions("-Xmx" + plan.heap()).env(env);
        return ServiceJvm.start(id, port, jvm, plan.logs().resolve(id + ".log"));
    }

    /** Instance {@code n} (from 1) of {@code service}. */
    public ServiceJvm instance(FleetService service, int n) {
        return instances(service).get(n - 1);
    }

    public List<ServiceJvm> instances(FleetService service) {
        return instances.getOrDefault(service, List.of());
    }

    /** Every instance, ingest first. */
    public List<ServiceJvm> all() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    /** Each instance ({@code ingest-1} … {@code index-2}), to watch and bring back, ingest first. */
    List<ClusterMember> members() {
        return all().stream().map(instance -> new ClusterMember(instance.name(), instance.logFile(), instance::alive,
                instance::restart, instance::pid)).toList();
    }

    /** The base URLs of {@code service}'s instances, comma-separated, as {@code newsflow status} takes them. */
    public String urls(FleetService service) {
        return instances(service).stream().map(instance -> instance.uri("").toString()).collect(Collectors.joining(","));
    }

    /** Stops ingest's instances first (no new records), then enrich's, then index's; the instances of one at once. */
    @Override
    public void close() {
        for (FleetService service : FleetService.values()) {
            LocalCluster.allAtOnce(instances(service).stream().<Runnable>map(instance -> instance::close).toList());
        }
    }
}
