package dev.newsflow.cli;

import dev.newsflow.core.EsCredentials;
import dev.newsflow.core.EsTrust;
import dev.newsflow.core.ConfigException;
import dev.newsflow.core.ElasticsearchUrls;
import dev.newsflow.core.Env;
import dev.newsflow.core.KafkaSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the operator commands read from the environment: the same variables the services use, so
 * a shell configured for a cluster points the tools at it too.
 *
 * @param kafka            {@code NEWSFLOW_KAFKA_BOOTSTRAP}, {@code NEWSFLOW_TOPIC_PREFIX} (core's settings)
 * @param elasticsearch    {@code NEWSFLOW_ES_URL}, default {@code http://127.0.0.1:9200}; a comma list of nodes
 * @param elasticsearchAuth {@code NEWSFLOW_ES_USERNAME}/{@code NEWSFLOW_ES_PASSWORD} or {@code NEWSFLOW_ES_API_KEY}
 * @param alias            {@code NEWSFLOW_INDEX_ALIAS}, default {@code news}
 * @param services         each service's instances' base URLs by service name: {@code NEWSFLOW_INGEST_URL},
 *                         {@code NEWSFLOW_ENRICH_URL}, {@code NEWSFLOW_INDEX_URL}, each a comma list (defaults
 *                         {@code http://127.0.0.1:8081}, {@code 8082}, {@code 8083})
 * @param checkedServices  {@code NEWSFLOW_STATUS_SERVICES}, default all three; {@code none} checks none
 * @param quietAfter       {@code NEWSFLOW_QUIET_AFTER}, default 1h: a source without articles for longer is flagged
 * @param enrichGroup      {@code NEWSFLOW_ENRICH_APP_ID}, default {@code newsflow-enrich} (the Streams application id)
 * @param indexGroup       {@code NEWSFLOW_INDEX_GROUP_ID}, default {@code newsflow-index}
 * @param timeout          {@code NEWSFLOW_CLI_TIMEOUT}, default 5s: how long one server may take to answer
 * @param elasticsearchTrust {@code NEWSFLOW_ES_CA_CERT}: the CA an https Elasticsearch URL is checked against
 */
public record CliConfig(KafkaSettings kafka, ElasticsearchUrls elasticsearch, EsCredentials elasticsearchAuth, String alias,
                        Map<String, List<URI>> services, Set<String> checkedServices, Duration quietAfter,
                        String enrichGroup, String indexGroup, Duration timeout, EsTrust elasticsearchTrust) {

    public static final String INGEST = "ingest";
    public static final String ENRICH = "enrich";
    public static final String INDEX = "index";
    public static final String STATUS_SERVICES = "NEWSFLOW_STATUS_SERVICES";

    public CliConfig {
        Map<String, List<URI>> copy = new LinkedHashMap<>();
        services.forEach((name, urls) -> copy.put(name, List.copyOf(urls)));
        services = Collections.unmodifiableMap(copy);
        checkedServices = Collections.unmodifiableSet(new LinkedHashSet<>(checkedServices));
    }

    public static CliConfig fromEnv(Env env) {
        Map<String, List<URI>> services = new LinkedHashMap<>();
        services.put(INGEST, urls(env, "NEWSFLOW_INGEST_URL", "http://127.0.0.1:8081"));
        services.put(ENRICH, urls(env, "NEWSFLOW_ENRICH_URL", "http://127.0.0.1:8082"));
        services.put(INDEX, urls(env, "NEWSFLOW_INDEX_URL", "http://127.0.0.1:8083"));
        Duration quietAfter = positive(env, "NEWSFLOW_QUIET_AFTER", Duration.ofHours(1));
        Duration timeout = positive(env, "NEWSFLOW_CLI_TIMEOUT", Duration.ofSeconds(5));
        ElasticsearchUrls elasticsearch = ElasticsearchUrls.fromEnv(env);
        return new CliConfig(
                KafkaSettings.fromEnv(env),
                elasticsearch,
                EsCredentials.fromEnv(env),
                env.string("NEWSFLOW_INDEX_ALIAS", "news"),
                services,
                serviceNames(env.string(STATUS_SERVICES, String.join(",", services.keySet())), STATUS_SERVICES),
                quietAfter,
                env.string("NEWSFLOW_ENRICH_APP_ID", "newsflow-enrich"),
                env.string("NEWSFLOW_INDEX_GROUP_ID", "newsflow-index"),
                timeout,
                EsTrust.fromEnv(env, elasticsearch.first()));
    }

    /**
     * Parses a list such as {@code ingest,index} or {@code none}.
     *
     * @param source what the list came from, named in the error
     */
    public static Set<String> serviceNames(String list, String source) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : list.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.equals("none")) {
                continue;
            }
            if (!Set.of(INGEST, ENRICH, INDEX).contains(name)) {
                throw new ConfigException(source + " lists services among ingest, enrich, index (or none), got \""
                        + part.strip() + "\"");
            }
            names.add(name);
        }
        return names;
    }

    /** The same settings checking other services. */
    public CliConfig withCheckedServices(Set<String> names) {
        return new CliConfig(kafka, elasticsearch, elasticsearchAuth, alias, services, names, quietAfter,
                enrichGroup, indexGroup, timeout, elasticsearchTrust);
    }

    /** The same settings with another quiet threshold. */
    public CliConfig withQuietAfter(Duration threshold) {
        return new CliConfig(kafka, elasticsearch, elasticsearchAuth, alias, services, checkedServices, threshold,
                enrichGroup, indexGroup, timeout, elasticsearchTrust);
    }

    /** A comma list of http(s) base URLs, one per instance; a bad entry is named in the error. */
    private static List<URI> urls(Env env, String name, String fallback) {
        return ElasticsearchUrls.parse(name, env.string(name, fallback)).nodes();
    }

    private static Duration positive(Env env, String name, Duration fallback) {
        Duration value = env.duration(name, fallback);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigException(name + " must be positive, got " + value);
        }
        return value;
    }
}
