package dev.newsflow.e2e;

import dev.newsflow.core.Topics;
import dev.newsflow.stack.ChildJvm;
import dev.newsflow.stack.FleetService;
import dev.newsflow.stack.LocalCluster;
import dev.newsflow.stack.Ports;
import dev.newsflow.stack.ServiceFleet;
import dev.newsflow.stack.ServiceJvm;
import dev.newsflow.stack.StackEndpoints;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The three services as separate JVMs on one stack, under names of their own (topic prefix, alias,
 * consumer group, Streams application), so a run sees none of another's records. Each feed source
 * has its own key; fault scenarios each send as their own source and check only what it sent.
 */
final class Pipeline implements AutoCloseable {

    private final StackEndpoints stack;
    private ServiceFleet fleet;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> keys;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, Map<String, String>> serviceEnv = new HashMap<>();
    private ServiceJvm ingest;
    private ServiceJvm enrich;
    private ServiceJvm index;

    private Pipeline(StackEndpoints stack, Path home, List<String> sources) {
        this(stack, stack.elasticsearchUrl(), home, sources);
    }

    /**
     * @param stack        where the checks look: a Kafka bootstrap list and one Elasticsearch base URL
     * @param servicesEsUrl {@code NEWSFLOW_ES_URL} for the services: one node or a comma list
     */
    private Pipeline(StackEndpoints stack, String servicesEsUrl, Path home, List<String> sources) {
        this.stack = stack;
        this.keys = sources.stream().collect(Collectors.toMap(s -> s, s -> "key-" + s + "-" + UUID.randomUUID(),
                (a, b) -> a, LinkedHashMap::new));
        env.put("NEWSFLOW_KAFKA_BOOTSTRAP", stack.kafkaBootstrap());
        env.put("NEWSFLOW_ES_URL", servicesEsUrl);
        env.put("NEWSFLOW_TOPIC_PREFIX", prefix());
        env.put("NEWSFLOW_INDEX_ALIAS", alias());
        env.put("NEWSFLOW_INGEST_KEYS", keys.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(",")));
        env.put("NEWSFLOW_HOME", home.toString());
        env.put("NEWSFLOW_ENRICH_APP_ID", enrichAppId());
        env.put("NEWSFLOW_ENRICH_STATE_DIR", home.resolve("enrich-state").toString());
        env.put("NEWSFLOW_INDEX_GROUP_ID", indexGroupId());
        env.put("NEWSFLOW_INGEST_PORT", Integer.toString(Ports.free()));
        env.put("NEWSFLOW_ENRICH_PORT", Integer.toString(Ports.free()));
        env.put("NEWSFLOW_INDEX_PORT", Integer.toString(Ports.free()));
    }

    /** Starts ingest, enrich and index (in that order, each awaited until ready) with a key for each source. */
    static Pipeline start(StackEndpoints stack, Path home, List<String> sources) {
        return start(stack, home, sources, Map.of());
    }

    /** Like {@link #start(StackEndpoints, Path, List)}, with {@code settings} added to (or replacing) the services' environment. */
    static Pipeline start(StackEndpoints stack, Path home, List<String> sources, Map<String, String> settings) {
        return start(stack, home, sources, settings, Map.of());
    }

    /**
     * Like {@link #start(StackEndpoints, Path, List, Map)}, with {@code perService} adding settings for one
     * service only, by its name ({@code ingest-service}, {@code enrich-service}, {@code index-service}).
     */
    static Pipeline start(StackEndpoints stack, Path home, List<String> sources, Map<String, String> settings,
                          Map<String, Map<String, String>> perService) {
        Pipeline pipeline = new Pipeline(stack, home, sources);
        pipeline.env.putAll(settings);
        pipeline.serviceEnv.putAll(perService);
        try {
            pipeline.ingest = pipeline.startService("ingest-service", "dev.newsflow.ingest.IngestMain", "NEWSFLOW_INGEST_PORT");
            pipeline.enrich = pipeline.startService("enrich-service", "dev.newsflow.enrich.EnrichMain", "NEWSFLOW_ENRICH_PORT");
            pipeline.index = pipeline.startService("index-service", "dev.newsflow.index.IndexMain", "NEWSFLOW_INDEX_PORT");
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    /**
     * The services on a {@link LocalCluster}: two instances of each ({@link ServiceFleet}), topics with three
     * replicas of which two must be in sync, one replica of every index shard. {@link #ingest()},
     * {@link #enrich()} and {@link #index()} are the first instances; the checks read Elasticsearch through
     * node {@code checkNode}, which a test should leave running.
     */
    static Pipeline onCluster(LocalCluster cluster, int checkNode, Path home, List<String> sources) {
        StackEndpoints checks = new StackEndpoints(cluster.endpoints().kafkaBootstrap(), cluster.elasticsearchNode(checkNode));
        Pipeline pipeline = new Pipeline(checks, cluster.endpoints().elasticsearchUrl(), home, sources);
        pipeline.env.put("NEWSFLOW_TOPIC_REPLICATION", "3");
        pipeline.env.put("NEWSFLOW_TOPIC_MIN_ISR", "2");
        pipeline.env.put("NEWSFLOW_INDEX_REPLICAS", "1");
        Map<FleetService, List<Integer>> ports = new EnumMap<>(FleetService.class);
        for (FleetService service : FleetService.values()) {
            ports.put(service, List.of(Ports.free(), Ports.free()));
        }
        String classPath = System.getProperty("java.class.path");
        pipeline.fleet = ServiceFleet.start(new ServiceFleet.Plan(pipeline.env, ports, service -> classPath,
                home.resolve("fleet-state"), Path.of("target", "e2e-logs", "cluster-" + pipeline.run), "512m"));
        pipeline.ingest = pipeline.fleet.instance(FleetService.INGEST, 1);
        pipeline.enrich = pipeline.fleet.instance(FleetService.ENRICH, 1);
        pipeline.index = pipeline.fleet.instance(FleetService.INDEX, 1);
        return pipeline;
    }

    /** The instances on a cluster; absent for a pipeline of one instance per service. */
    Optional<ServiceFleet> fleet() {
        return Optional.ofNullable(fleet);
    }

    private ServiceJvm startService(String name, String mainClass, String portVariable) {
        int port = Integer.parseInt(env.get(portVariable));
        Map<String, String> own = new HashMap<>(env);
        own.putAll(serviceEnv.getOrDefault(name, Map.of()));
        return ServiceJvm.start(name, port, ChildJvm.of(mainClass).jvmOptions("-Xmx512m").env(own),
                Path.of("target", "e2e-logs", name + "-" + port + ".log"));
    }

    StackEndpoints stack() {
        return stack;
    }

    /**
     * The environment {@code ./newsflow status} reads to look at this pipeline: the services' own (Kafka, every
     * Elasticsearch node they use, topic prefix, alias, group ids), as README says it takes them, and the base
     * URL of every instance of each service.
     */
    Map<String, String> statusEnv() {
        Map<String, String> status = new HashMap<>(env);
        status.put("NEWSFLOW_INGEST_URL", urls(FleetService.INGEST, ingest));
        status.put("NEWSFLOW_ENRICH_URL", urls(FleetService.ENRICH, enrich));
        status.put("NEWSFLOW_INDEX_URL", urls(FleetService.INDEX, index));
        return status;
    }

    private String urls(FleetService service, ServiceJvm single) {
        return fleet != null ? fleet.urls(service) : single.uri("").toString();
    }

    ServiceJvm ingest() {
        return ingest;
    }

    ServiceJvm enrich() {
        return enrich;
    }

    ServiceJvm index() {
        return index;
    }

    /** The services started so far. */
    List<ServiceJvm> services() {
        if (fleet != null) {
            return fleet.all();
        }
        return Stream.of(ingest, enrich, index).filter(Objects::nonNull).toList();
    }

    /** The bearer key that names {@code source}. */
    String key(String source) {
        String key = keys.get(source);
        if (key == null) {
            throw new IllegalArgumentException("no key for source " + source + "; the pipeline knows " + keys.keySet());
        }
        return key;
    }

    Topics topics() {
        return Topics.withPrefix(prefix());
    }

    String alias() {
        return "e2e-" + run + "-news";
    }

    /** The concrete index behind the alias, as index-service names it on first start. */
    String concreteIndex() {
        return alias() + "-v1";
    }

    String indexGroupId() {
        return "e2e-index-" + run;
    }

    String enrichAppId() {
        return "e2e-enrich-" + run;
    }

    /** The prefix of this pipeline's topic names. */
    String prefix() {
        return "e2e-" + run + ".";
    }

    @Override
    public void close() {
        if (fleet != null) {
            fleet.close();
            return;
        }
        services().forEach(ServiceJvm::close);
    }
}
