package dev.newsflow.ingest;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import dev.newsflow.core.KafkaSettings;
import dev.newsflow.core.ManagementPort;
import dev.newsflow.core.TopicInitializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How ingest-service runs, read from the environment.
 *
 * @param port         {@code NEWSFLOW_INGEST_PORT}, default 8081; 0 picks any free port
 * @param keys         from {@code NEWSFLOW_INGEST_KEYS} ("source:key,source:key") and/or
 *                     {@code NEWSFLOW_INGEST_KEYS_FILE} (one "source:key" a line, {@code #} comments)
 * @param maxBytes     {@code NEWSFLOW_INGEST_MAX_BYTES}, default 5 MiB: the largest request body accepted
 * @param kafkaTimeout {@code NEWSFLOW_INGEST_KAFKA_TIMEOUT}, default 10s: how long a request may wait for
 *                     Kafka to acknowledge its records before it is answered 503
 * @param maxInflightBytes {@code NEWSFLOW_INGEST_MAX_INFLIGHT_BYTES}, default a sixteenth of the heap (at least
 *                     the body limit): the request bodies held at once, from admission to answer. Parsing
 *                     multiplies a body several times over, hence the small share. A request that would
 *                     cross it is answered 429 with {@code Retry-After} before its body is read; it must be
 *                     at least {@code NEWSFLOW_INGEST_MAX_BYTES}, or the largest request could never enter
 * @param maxInflightRequests {@code NEWSFLOW_INGEST_MAX_INFLIGHT_REQUESTS}, default 128, at most 200: the
 *                     requests handled at once; more get 429. It stays below the 250 threads Jetty serves
 *                     with, so while Kafka is slow and requests wait for it, threads remain to refuse the
 *                     rest at once and to answer health checks and metrics
 * @param kafka        where Kafka is and how the topics are named
 * @param bodyPace     {@code NEWSFLOW_INGEST_BODY_TIMEOUT}, {@code NEWSFLOW_INGEST_MIN_BODY_RATE} and
 *                     {@code NEWSFLOW_INGEST_BODY_GRACE}: how fast a body must arrive ({@link BodyPace})
 * @param management   {@code NEWSFLOW_INGEST_MANAGEMENT_PORT} and {@code NEWSFLOW_MANAGEMENT_HOST}: where
 *                     {@code /metrics} and the detailed readiness go; unset keeps them on the public port
 */
public record IngestConfig(int port, List<ApiKey> keys, long maxBytes, Duration kafkaTimeout, long maxInflightBytes,
                           int maxInflightRequests, KafkaSettings kafka, BodyPace bodyPace,
                           Optional<ManagementPort> management) {

    public static final String PORT = "NEWSFLOW_INGEST_PORT";
    public static final String MANAGEMENT_PORT = "NEWSFLOW_INGEST_MANAGEMENT_PORT";
    public static final String KEYS = "NEWSFLOW_INGEST_KEYS";
    public static final String KEYS_FILE = "NEWSFLOW_INGEST_KEYS_FILE";
    public static final String MAX_BYTES = "NEWSFLOW_INGEST_MAX_BYTES";
    public static final String KAFKA_TIMEOUT = "NEWSFLOW_INGEST_KAFKA_TIMEOUT";
    public static final String MAX_INFLIGHT_BYTES = "NEWSFLOW_INGEST_MAX_INFLIGHT_BYTES";
    public static final String MAX_INFLIGHT_REQUESTS = "NEWSFLOW_INGEST_MAX_INFLIGHT_REQUESTS";

    /** Javalin's Jetty pool has 250 threads; a quarter of them is kept for refusals, health and metrics. */
    static final int MAX_INFLIGHT_REQUESTS_LIMIT = 200;

    /** The producer's own default for {@code buffer.memory}. */
    private static final long DEFAULT_BUFFER_MEMORY = 32L * 1024 * 1024;

    /** Sources become part of article ids and metric tags, so they stay plain. */
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public IngestConfig {
        keys = List.copyOf(keys);
    }

    public static IngestConfig fromEnv(Env env) {
        return fromEnv(env, Runtime.getRuntime().maxMemory());
    }

    /** @param maxHeap the heap the in-flight bound is derived from when it is not set */
    static IngestConfig fromEnv(Env env, long maxHeap) {
        List<ApiKey> keys = new ArrayList<>();
        env.find(KEYS).ifPresent(list -> keys.addAll(parseKeyList(list)));
        env.find(KEYS_FILE).ifPresent(file -> keys.addAll(readKeyFile(Path.of(file))));
        if (keys.isEmpty()) {
            throw new ConfigException("at least one feed key is needed: set " + KEYS + "=source:key,... or "
                    + KEYS_FILE + " to a file with one source:key a line");
        }
        rejectSharedKeys(keys);

        long maxBytes = env.bytes(MAX_BYTES, 5L * 1024 * 1024);
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new ConfigException(MAX_BYTES + " must be between 1 byte and 2 GiB, got " + maxBytes);
        }
        Duration kafkaTimeout = env.duration(KAFKA_TIMEOUT, Duration.ofSeconds(10));
        if (kafkaTimeout.toMillis() < 100) {
            throw new ConfigException(KAFKA_TIMEOUT + " must be at least 100ms, got " + kafkaTimeout.toMillis() + "ms");
        }
        long maxInflightBytes = env.bytes(MAX_INFLIGHT_BYTES, Math.max(maxBytes, maxHeap / 16));
        if (maxInflightBytes < maxBytes) {
            throw new ConfigException(MAX_INFLIGHT_BYTES + " must be at least " + MAX_BYTES + " (" + maxBytes
                    + " bytes), or the largest request could never be accepted; got " + maxInflightBytes);
        }
        int maxInflightRequests = env.integer(MAX_INFLIGHT_REQUESTS, 128);
        if (maxInflightRequests < 1 || maxInflightRequests > MAX_INFLIGHT_REQUESTS_LIMIT) {
            throw new ConfigException(MAX_INFLIGHT_REQUESTS + " must be between 1 and " + MAX_INFLIGHT_REQUESTS_LIMIT
                    + " (HTTP has 250 threads, some must stay free to refuse requests), got " + maxInflightRequests);
        }
        return new IngestConfig(env.port(PORT, 8081), keys, maxBytes, kafkaTimeout, maxInflightBytes,
                maxInflightRequests, KafkaSettings.fromEnv(env), BodyPace.fromEnv(env),
                ManagementPort.fromEnv(env, MANAGEMENT_PORT));
    }

    /**
     * How many bytes of records may wait for Kafka's acknowledgement before requests are answered 503 at
     * once: half the producer's buffer, so {@code send} practically never blocks on a full buffer (the
     * other half absorbs part-filled batches and the roughness of the size estimate).
     */
    public long kafkaBacklogBytes() {
        Object buffer = producerProperties().getOrDefault(ProducerConfig.BUFFER_MEMORY_CONFIG, DEFAULT_BUFFER_MEMORY);
        return Long.parseLong(buffer.toString()) / 2;
    }

    /**
     * Producer settings for the delivery guarantee: every in-sync replica acknowledged, retries
     * never duplicate, and neither the metadata wait in {@code send} nor delivery outlasts the Kafka timeout.
     */
    public Map<String, Object> producerProperties() {
        long timeoutMs = kafkaTimeout.toMillis();
        // Kafka insists delivery.timeout.ms >= linger.ms + request.timeout.ms.
        long lingerMs = Math.min(5, timeoutMs / 10);
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) lingerMs);
        // A batch request sends hundreds of 2-6 KB articles at once: bigger batches mean fewer
        // acks=all round trips, and news text compresses well.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeoutMs - lingerMs));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        // A record is the body plus metadata and JSON escaping, so it can outgrow the request that carried it:
        // allow what the topics allow (core's limit), and more when the body limit was raised beyond it.
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                (int) Math.min(Integer.MAX_VALUE - 8, Math.max(maxBytes * 2, TopicInitializer.MAX_MESSAGE_BYTES)));
        return kafka.clientProperties(props);
    }

    /** Admin client settings for topic creation and the readiness probe. */
    public Map<String, Object> adminProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-ingest-admin");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        return kafka.clientProperties(props);
    }

    static List<ApiKey> parseKeyList(String list) {
        List<ApiKey> keys = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                keys.add(parseKey(entry.trim(), KEYS));
            }
        }
        return keys;
    }

    private static List<ApiKey> readKeyFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(KEYS_FILE + " names " + file + ", which cannot be read: " + e);
        }
        List<ApiKey> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                keys.add(parseKey(line, KEYS_FILE + " line " + (i + 1)));
            }
        }
        return keys;
    }

    /** Splits at the first colon, so a key may itself contain colons. The key is never echoed back. */
    private static ApiKey parseKey(String entry, String where) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new ConfigException(where + ": every entry must read source:key; one has no colon");
        }
        String source = entry.substring(0, colon).strip();
        String key = entry.substring(colon + 1).strip();
        if (!SOURCE.matcher(source).matches()) {
            throw new ConfigException(where + ": source \"" + source
                    + "\" must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (key.isEmpty()) {
            throw new ConfigException(where + ": the key of source \"" + source + "\" is empty");
        }
        return new ApiKey(source, key);
    }

    /** One key naming two sources would make the source a request is credited to ambiguous. */
    private static void rejectSharedKeys(List<ApiKey> keys) {
        Map<String, String> sourceByKey = new HashMap<>();
        for (ApiKey key : keys) {
            String other = sourceByKey.putIfAbsent(key.key(), key.source());
            if (other != null && !other.equals(key.source())) {
                throw new ConfigException(KEYS + "/" + KEYS_FILE + ": sources \"" + other + "\" and \""
                        + key.source() + "\" share a key; each key must name one source");
            }
        }
    }
}
