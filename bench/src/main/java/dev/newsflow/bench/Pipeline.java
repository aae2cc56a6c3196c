package dev.newsflow.bench;

import dev.newsflow.core.Topics;
import dev.newsflow.stack.Ports;
import dev.newsflow.stack.ServiceJvm;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three services running together on one topic prefix, as {@code ./newsflow up} runs them,
 * for the end-to-end and search measurements. Each source named here gets its own ingest key.
 */
final class Pipeline implements AutoCloseable {

    private final List<ServiceJvm> services = new ArrayList<>();
    private final String alias;
    private final String enrichedTopic;
    private final String enrichGroup;
    private ServiceJvm ingest;
    private ServiceJvm index;

    Pipeline(BenchContext context, String prefix, List<String> sources) {
        this.alias = context.name("e2e");
        this.enrichedTopic = Topics.withPrefix(prefix).enriched().name();
        this.enrichGroup = context.name("e2e-enrich");
        try {
            int ingestPort = Ports.free();
            Map<String, String> env = context.env(prefix);
            env.put("NEWSFLOW_INGEST_PORT", Integer.toString(ingestPort));
            env.put("NEWSFLOW_INGEST_KEYS", String.join(",", sources.stream().map(s -> s + ":" + key(s)).toList()));
            ingest = add(context.start("ingest-service", "e2e-ingest", "dev.newsflow.ingest.IngestMain", ingestPort, env));

            int enrichPort = Ports.free();
            env = context.env(prefix);
            env.put("NEWSFLOW_ENRICH_PORT", Integer.toString(enrichPort));
            env.put("NEWSFLOW_ENRICH_APP_ID", enrichGroup);
            // One stream thread per core, the most this machine can use.
            env.put("NEWSFLOW_ENRICH_THREADS", Integer.toString(Runtime.getRuntime().availableProcessors()));
            env.put("NEWSFLOW_ENRICH_STATE_DIR", context.work().resolve("state-e2e").toString());
            add(context.start("enrich-service", "e2e-enrich", "dev.newsflow.enrich.EnrichMain", enrichPort, env));

            int indexPort = Ports.free();
            env = context.env(prefix);
            env.put("NEWSFLOW_INDEX_PORT", Integer.toString(indexPort));
            env.put("NEWSFLOW_INDEX_ALIAS", alias);
            env.put("NEWSFLOW_INDEX_GROUP_ID", context.name("e2e-index"));
            index = add(context.start("index-service", "e2e-index", "dev.newsflow.index.IndexMain", indexPort, env));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The ingest key of a source: derived from its name, since the benchmark is its only user. */
    static String key(String source) {
        return "bench-key-" + source;
    }

    URI ingestUri() {
        return ingest.uri("/v1/articles");
    }

    URI searchUri(String query) {
        return index.uri("/v1/search?" + query);
    }

    String alias() {
        return alias;
    }

    /** The enriched topic between enrich and index. */
    String enrichedTopic() {
        return enrichedTopic;
    }

    /** enrich-service's application id, which is also its consumer group. */
    String enrichGroup() {
        return enrichGroup;
    }

    List<ServiceJvm> services() {
        return List.copyOf(services);
    }

    private ServiceJvm add(ServiceJvm service) {
        services.add(service);
        return service;
    }

    /** Ingest first, so nothing new enters while the later services finish what they hold. */
    @Override
    public void close() {
        services.forEach(ServiceJvm::close);
    }
}
