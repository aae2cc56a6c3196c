package dev.newsflow.enrich;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import dev.newsflow.core.InstanceId;
import dev.newsflow.core.KafkaSettings;
import dev.newsflow.core.ManagementPort;
import dev.newsflow.core.TopicInitializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The settings of enrich-service, read from the environment.
 *
 * @param kafka        where Kafka is and how the topics are named
 * @param port         {@code NEWSFLOW_ENRICH_PORT}, default 8082; 0 takes any free port
 * @param applicationId {@code NEWSFLOW_ENRICH_APP_ID}, default {@code newsflow-enrich}: the Kafka Streams
 *                     application id, which names the consumer group, the transactional ids and the state
 * @param stateDir     {@code NEWSFLOW_ENRICH_STATE_DIR}, default {@code $NEWSFLOW_HOME/enrich-state}
 *                     ({@code NEWSFLOW_HOME} defaults to {@code ~/.newsflow})
 * @param threads      {@code NEWSFLOW_ENRICH_THREADS}, default 1: stream threads in this process
 * @param recordBudget {@code NEWSFLOW_ENRICH_RECORD_TIMEOUT}, default 10s: one record's enrichment may take
 *                     this long; past it the record becomes a dead letter ("enrichment timed out after …")
 * @param dedupRetention {@code NEWSFLOW_DEDUP_RETENTION}, default 7 days ({@code 7d}, {@code 168h}, ...):
 *                     how long an article's fingerprint is kept for near-duplicate detection
 * @param instanceId   {@code NEWSFLOW_INSTANCE_ID}, default none: this instance's static membership name
 *                     ({@link InstanceId}); Kafka Streams adds the thread's number to it
 * @param standbyReplicas {@code NEWSFLOW_ENRICH_STANDBY_REPLICAS}, default 1: warm copies of each task's
 *                     dedup stores kept by other instances, so a task that moves after a crash resumes
 *                     without replaying its changelog first (with one instance there is nowhere to keep them)
 * @param management   {@code NEWSFLOW_ENRICH_MANAGEMENT_PORT} and {@code NEWSFLOW_MANAGEMENT_HOST}: where
 *                     {@code /metrics} and the detailed readiness go; unset keeps them on the public port
 */
public record EnrichConfig(KafkaSettings kafka, int port, String applicationId, Path stateDir, int threads,
                           Duration dedupRetention, Duration recordBudget, Optional<String> instanceId,
                           int standbyReplicas, Optional<ManagementPort> management) {

    /**
     * The broker aborts a transaction left open this long. A round of {@link #MAX_POLL_RECORDS} records
     * can hold a few that run to the record budget; the producer's default of 60 s is kept as the floor
     * and raised with the budget, so such a round ends inside its transaction.
     */
    static Duration transactionTimeout(Duration recordBudget) {
        return Duration.ofSeconds(60).plus(recordBudget.multipliedBy(3));
    }

    public static final int DEFAULT_PORT = 8082;
    public static final String DEFAULT_APP_ID = "newsflow-enrich";

    public static EnrichConfig fromEnv(Env env) {
        int threads = env.integer("NEWSFLOW_ENRICH_THREADS", 1);
        if (threads < 1) {
            throw new ConfigException("NEWSFLOW_ENRICH_THREADS must be at least 1, got " + threads);
        }
        Path home = env.find("NEWSFLOW_HOME")
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".newsflow"));
        Path stateDir = env.find("NEWSFLOW_ENRICH_STATE_DIR").map(Path::of).orElseGet(() -> home.resolve("enrich-state"));
        return new EnrichConfig(
                KafkaSettings.fromEnv(env),
                env.port("NEWSFLOW_ENRICH_PORT", DEFAULT_PORT),
                env.string("NEWSFLOW_ENRICH_APP_ID", DEFAULT_APP_ID),
                stateDir,
                threads,
                dedupRetention(env),
                recordBudget(env),
                InstanceId.fromEnv(env),
                standbyReplicas(env),
                ManagementPort.fromEnv(env, "NEWSFLOW_ENRICH_MANAGEMENT_PORT"));
    }

    private static int standbyReplicas(Env env) {
        int standbys = env.integer("NEWSFLOW_ENRICH_STANDBY_REPLICAS", 1);
        if (standbys < 0 || standbys > 3) {
            throw new ConfigException("NEWSFLOW_ENRICH_STANDBY_REPLICAS must be between 0 and 3, got " + standbys);
        }
        return standbys;
    }

    private static Duration recordBudget(Env env) {
        String name = "NEWSFLOW_ENRICH_RECORD_TIMEOUT";
        Duration budget = env.duration(name, EnrichTopology.DEFAULT_RECORD_BUDGET);
        if (budget.toMillis() < 100 || budget.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigException(name + " must be between 100ms and 5m, got " + budget);
        }
        return budget;
    }

    private static Duration dedupRetention(Env env) {
        String name = "NEWSFLOW_DEDUP_RETENTION";
        Duration retention = env.duration(name, EnrichTopology.DEFAULT_DEDUP_RETENTION);
        if (retention.isNegative() || retention.isZero()) {
            throw new ConfigException(name + " must be longer than zero, got " + retention);
        }
        return retention;
    }

    /** Records a stream thread takes per poll: under a second of tagging on one core. */
    static final int MAX_POLL_RECORDS = 20;

    /** The Kafka Streams configuration for these settings, exactly-once as DESIGN.md requires. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        // The internal topics (the dedup repartition topics, the store changelogs) follow the same replication as ours.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replication());
        props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), Short.toString(kafka.minInSync()));
        // Exactly-once already implies it; said here so no later edit can weaken what a confirmed write means.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        // A stream thread commits (and so ends its transaction) only between rounds of processing what it
        // polled, and it lets a round grow while rounds are quick (the dedup step's are). At 35-70 ms an
        // article, a thousand polled records made rounds long enough for the broker to abort the
        // transaction at its 10 s timeout, fence the thread and make it redo the work: seen in the bench
        // with two threads on two cores. A small poll keeps each round, and each transaction, short.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), MAX_POLL_RECORDS);
        // Records as large as the topics take (the producer's own default is 1 MiB); the enrich step turns a
        // larger article into a dead letter before it gets here.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), TopicInitializer.MAX_MESSAGE_BYTES);
        // ...and the internal topics Kafka Streams creates (the changelog of dedup's held-article store carries
        // the whole article) take them: the broker's default is 1 MiB.
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Integer.toString(TopicInitializer.MAX_MESSAGE_BYTES));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                (int) transactionTimeout(recordBudget).toMillis());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        // The router's task reads the raw topic and dedup's answers. By default it would hold back a raw
        // record while answers it has not fetched yet lie on the broker, to interleave the two by time; the
        // order between them does not matter (CopyResolver marks only an id's latest version), so new
        // articles go through without waiting for the answers of earlier ones.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        // A named instance is a static member: a restart inside the session timeout moves no task.
        instanceId.ifPresent(id -> props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
        // Kafka Streams passes these to its admin, producers and consumers alike.
        props.putAll(kafka.clientProperties(Map.of()));
        return props;
    }
}
