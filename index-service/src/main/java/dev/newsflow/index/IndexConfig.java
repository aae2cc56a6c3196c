package dev.newsflow.index;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.ElasticsearchUrls;
import dev.newsflow.core.Env;
import dev.newsflow.core.EsCredentials;
import dev.newsflow.core.EsTrust;
import dev.newsflow.core.InstanceId;
import dev.newsflow.core.KafkaSettings;
import dev.newsflow.core.ManagementPort;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the index service reads from its environment.
 *
 * <p>The bulk defaults ({@link BulkSettings#DEFAULTS}) suit a 2-core machine with a one-shard index:
 * 1,000 articles (about 4 MB) per request and {@code NEWSFLOW_INDEX_BULK_CONCURRENCY=4} requests in
 * flight. Measured warm (after 30,000 documents through the same JVM; a cold one measures mostly its
 * own compilation), they indexed 20-30% faster than 500 per request with 2 in flight, and 2,000 per
 * request was no faster. More shards or nodes take more concurrency; {@code IndexBenchmark} compares settings.
 *
 * @param elasticsearch    {@code NEWSFLOW_ES_URL}, default {@code http://127.0.0.1:9200}; a comma list of the
 *                         cluster's nodes, over which the client spreads its requests
 * @param credentials      {@code NEWSFLOW_ES_USERNAME}/{@code NEWSFLOW_ES_PASSWORD} or {@code NEWSFLOW_ES_API_KEY}
 * @param trust            {@code NEWSFLOW_ES_CA_CERT}: the CA an https URL is checked against; default the JVM's trust store
 * @param alias            {@code NEWSFLOW_INDEX_ALIAS}, default {@code news}; first behind it is {@link #indexName()}
 * @param shards           {@code NEWSFLOW_INDEX_SHARDS}, default 1
 * @param replicas         {@code NEWSFLOW_INDEX_REPLICAS}, default 0 (one local node)
 * @param port             {@code NEWSFLOW_INDEX_PORT}, default 8083; 0 picks a free port
 * @param groupId          {@code NEWSFLOW_INDEX_GROUP_ID}, default {@code newsflow-index}
 * @param kafka            the shared Kafka settings
 * @param bulk             {@code NEWSFLOW_INDEX_BULK_MAX_OPERATIONS} (1000), {@code NEWSFLOW_INDEX_BULK_MAX_BYTES}
 *                         (5MiB), {@code NEWSFLOW_INDEX_BULK_FLUSH_INTERVAL} (200ms),
 *                         {@code NEWSFLOW_INDEX_BULK_CONCURRENCY} (4)
 * @param backoff          {@code NEWSFLOW_INDEX_RETRY_*}
 * @param search           {@code NEWSFLOW_SEARCH_*}: what one search may cost ({@link SearchLimits})
 * @param instanceId       {@code NEWSFLOW_INSTANCE_ID}, default none: the indexer's static membership name
 *                         in its consumer group ({@link InstanceId})
 * @param management       {@code NEWSFLOW_INDEX_MANAGEMENT_PORT} and {@code NEWSFLOW_MANAGEMENT_HOST}: where
 *                         {@code /metrics} and the detailed readiness go; unset keeps them on the public port
 */
public record IndexConfig(ElasticsearchUrls elasticsearch, EsCredentials credentials, String alias, int shards, int replicas,
                          int port, String groupId, KafkaSettings kafka, BulkSettings bulk, Backoff backoff,
                          SearchLimits search, Optional<String> instanceId, Optional<ManagementPort> management,
                          EsTrust trust) {

    /** Elasticsearch index names: lowercase, no path or wildcard characters, not starting with -, _ or +. */
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public static IndexConfig fromEnv(Env env) {
        ElasticsearchUrls elasticsearch = ElasticsearchUrls.fromEnv(env);
        return new IndexConfig(
                elasticsearch,
                EsCredentials.fromEnv(env),
                alias(env),
                atLeast(env, "NEWSFLOW_INDEX_SHARDS", 1, 1),
                atLeast(env, "NEWSFLOW_INDEX_REPLICAS", 0, 0),
                env.port("NEWSFLOW_INDEX_PORT", 8083),
                env.string("NEWSFLOW_INDEX_GROUP_ID", "newsflow-index"),
                KafkaSettings.fromEnv(env),
                bulk(env),
                backoff(env),
                SearchLimits.fromEnv(env),
                InstanceId.fromEnv(env),
                ManagementPort.fromEnv(env, "NEWSFLOW_INDEX_MANAGEMENT_PORT"),
                EsTrust.fromEnv(env, elasticsearch.first()));
    }

    /** The first versioned index, made with the alias; {@code ./newsflow reindex} moves the alias to the next one. */
    public String indexName() {
        return alias + "-v1";
    }

    /** Keeps secrets out of logs: the credentials print as their kind only. */
    @Override
    public String toString() {
        return "IndexConfig[elasticsearch=" + elasticsearch + " (" + credentials.kind() + ", " + trust + "), alias=" + alias
                + ", shards=" + shards + ", replicas=" + replicas + ", port=" + port + ", groupId=" + groupId
                + ", kafka=" + kafka + ", bulk=" + bulk + ", backoff=" + backoff + ", search=" + search
                + ", instanceId=" + instanceId.orElse("(dynamic)") + ", management=" + management + "]";
    }

    private static String alias(Env env) {
        String alias = env.string("NEWSFLOW_INDEX_ALIAS", "news");
        if (!INDEX_NAME.matcher(alias).matches() || alias.length() > 200) {
            throw new ConfigException("NEWSFLOW_INDEX_ALIAS must be a lowercase Elasticsearch name (a-z, 0-9, . _ -), got \""
                    + alias + "\"");
        }
        return alias;
    }

    private static BulkSettings bulk(Env env) {
        int operations = atLeast(env, "NEWSFLOW_INDEX_BULK_MAX_OPERATIONS", BulkSettings.DEFAULTS.maxOperations(), 1);
        long bytes = env.bytes("NEWSFLOW_INDEX_BULK_MAX_BYTES", BulkSettings.DEFAULTS.maxBytes());
        if (bytes < 1024) {
            throw new ConfigException("NEWSFLOW_INDEX_BULK_MAX_BYTES must be at least 1KiB, got " + bytes);
        }
        var interval = env.duration("NEWSFLOW_INDEX_BULK_FLUSH_INTERVAL", BulkSettings.DEFAULTS.flushInterval());
        if (interval.isNegative() || interval.isZero()) {
            throw new ConfigException("NEWSFLOW_INDEX_BULK_FLUSH_INTERVAL must be positive, got " + interval);
        }
        int concurrency = atLeast(env, "NEWSFLOW_INDEX_BULK_CONCURRENCY", BulkSettings.DEFAULTS.concurrentRequests(), 1);
        return new BulkSettings(operations, bytes, interval, concurrency);
    }

    private static Backoff backoff(Env env) {
        var initial = env.duration("NEWSFLOW_INDEX_RETRY_INITIAL", Backoff.DEFAULTS.initial());
        var max = env.duration("NEWSFLOW_INDEX_RETRY_MAX", Backoff.DEFAULTS.max());
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new ConfigException("NEWSFLOW_INDEX_RETRY_INITIAL must be positive and at most NEWSFLOW_INDEX_RETRY_MAX, got "
                    + initial + " and " + max);
        }
        return new Backoff(initial, max);
    }

    private static int atLeast(Env env, String name, int fallback, int minimum) {
        int value = env.integer(name, fallback);
        if (value < minimum) {
            throw new ConfigException(name + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }
}
