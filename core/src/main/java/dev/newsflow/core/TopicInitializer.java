package dev.newsflow.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics when they are missing; existing topics are left as they are. */
public final class TopicInitializer {

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);
    private static final long SEVEN_DAYS_MS = Duration.ofDays(7).toMillis();
    private static final long THIRTY_DAYS_MS = Duration.ofDays(30).toMillis();
    /**
     * Kafka's default (about 1 MB) is below the 5 MiB a feed may send; an article and its
     * dead letter must fit whatever ingest accepted.
     */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private TopicInitializer() {
    }

    /** The topics with the policies of DESIGN.md. */
    public static List<NewTopic> definitions(KafkaSettings settings) {
        Topics topics = settings.topics();
        // Set on each topic rather than left to the broker's default, so RF 3 / min ISR 2 holds on any cluster.
        String minInSync = Short.toString(settings.minInSync());
        return List.of(
                new NewTopic(topics.raw().name(), settings.partitions(), settings.replication())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.RETENTION_MS_CONFIG, Long.toString(SEVEN_DAYS_MS),
                                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES),
                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync)),
                // The enriched topic is the source of truth the index is rebuilt from: keep the latest per id.
                new NewTopic(topics.enriched().name(), settings.partitions(), settings.replication())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES),
                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync)),
                new NewTopic(topics.deadletter().name(), settings.partitions(), settings.replication())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.RETENTION_MS_CONFIG, Long.toString(THIRTY_DAYS_MS),
                                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES),
                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync)));
    }

    /**
     * Creates each missing topic; idempotent, so every service can call it at start-up.
     *
     * @throws IllegalStateException when Kafka does not answer within the timeout
     */
    public static void ensure(Admin admin, KafkaSettings settings, Duration timeout) {
        for (NewTopic topic : definitions(settings)) {
            try {
                admin.createTopics(List.of(topic), new CreateTopicsOptions().timeoutMs((int) timeout.toMillis()))
                        .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("created topic {} ({} partitions)", topic.name(), topic.numPartitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause(), e);
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka at " + settings.bootstrap() + " did not answer within "
                        + timeout.toSeconds() + "s while creating topic " + topic.name(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
            }
        }
    }
}
