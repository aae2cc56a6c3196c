package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import dev.newsflow.core.TopicInitializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void defaults() {
        EnrichConfig config = EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_HOME", "/data/newsflow")));

        assertThat(config.port()).isEqualTo(8082);
        assertThat(config.applicationId()).isEqualTo("newsflow-enrich");
        assertThat(config.stateDir()).isEqualTo(Path.of("/data/newsflow/enrich-state"));
        assertThat(config.threads()).isEqualTo(1);
        assertThat(config.kafka().bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.dedupRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void everyTopicTheStreamWritesTakesRecordsAsLargeAsThePipelinesTopics() {
        Properties props = EnrichConfig.fromEnv(new Env(Map.of())).streamsProperties();

        assertThat(props.get(StreamsConfig.producerPrefix("max.request.size"))).isEqualTo(TopicInitializer.MAX_MESSAGE_BYTES);
        // The internal topics Kafka Streams creates itself: repartition topics and changelogs.
        assertThat(props.get(StreamsConfig.topicPrefix("max.message.bytes")))
                .isEqualTo(Integer.toString(TopicInitializer.MAX_MESSAGE_BYTES));
    }

    @Test
    void dedupRetentionIsReadInDaysOrAsADuration() {
        assertThat(EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_DEDUP_RETENTION", "3d"))).dedupRetention())
                .isEqualTo(Duration.ofDays(3));
        assertThat(EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_DEDUP_RETENTION", "36h"))).dedupRetention())
                .isEqualTo(Duration.ofHours(36));
        assertThatThrownBy(() -> EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_DEDUP_RETENTION", "a week"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_DEDUP_RETENTION");
        assertThatThrownBy(() -> EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_DEDUP_RETENTION", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_DEDUP_RETENTION");
    }

    @Test
    void homeDefaultsToDotNewsflowInTheUserHome() {
        EnrichConfig config = EnrichConfig.fromEnv(new Env(Map.of()));

        assertThat(config.stateDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".newsflow", "enrich-state"));
    }

    @Test
    void everythingCanBeSet() {
        EnrichConfig config = EnrichConfig.fromEnv(new Env(Map.of(
                "NEWSFLOW_ENRICH_PORT", "0",
                "NEWSFLOW_ENRICH_APP_ID", "enrich-test",
                "NEWSFLOW_ENRICH_STATE_DIR", "/tmp/state",
                "NEWSFLOW_ENRICH_THREADS", "3",
                "NEWSFLOW_KAFKA_BOOTSTRAP", "10.0.0.1:19092",
                "NEWSFLOW_TOPIC_PREFIX", "it.")));

        assertThat(config.port()).isZero();
        assertThat(config.kafka().topics().raw().name()).isEqualTo("it.news.articles.raw");

        Properties props = config.streamsProperties();
        assertThat(props).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "10.0.0.1:19092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/tmp/state")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3);
    }

    @Test
    void inAClusterInternalTopicsTakeTheReplicationAndEveryWriteWaitsForAllInSyncReplicas() {
        StreamsConfig streams = new StreamsConfig(EnrichConfig.fromEnv(new Env(Map.of(
                "NEWSFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094",
                "NEWSFLOW_TOPIC_REPLICATION", "3"))).streamsProperties());

        assertThat(streams.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
        assertThat(streams.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX))
                .containsEntry(org.apache.kafka.common.config.TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        assertThat(streams.getProducerConfigs("enrich-producer"))
                .containsEntry(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
    }

    @Test
    void streamThreadsPollFewRecordsSoTheirTransactionsStayShort() {
        StreamsConfig streams = new StreamsConfig(EnrichConfig.fromEnv(new Env(Map.of())).streamsProperties());

        assertThat(streams.getMainConsumerConfigs("enrich", "enrich-consumer", 0))
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, EnrichConfig.MAX_POLL_RECORDS);
        // Restoring a store after a restart reads its changelog in full-size polls.
        assertThat(streams.getRestoreConsumerConfigs("enrich-restore").get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG))
                .isNotEqualTo(EnrichConfig.MAX_POLL_RECORDS);
    }

    @Test
    void theKafkaLoginReachesEveryClientKafkaStreamsMakes() {
        StreamsConfig streams = new StreamsConfig(EnrichConfig.fromEnv(new Env(Map.of(
                "NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "NEWSFLOW_KAFKA_USERNAME", "newsflow-enrich", "NEWSFLOW_KAFKA_PASSWORD", "pw"))).streamsProperties());

        for (Map<String, Object> client : List.of(streams.getMainConsumerConfigs("enrich", "enrich-consumer", 0),
                streams.getRestoreConsumerConfigs("enrich-restore"), streams.getProducerConfigs("enrich-producer"),
                streams.getAdminConfigs("enrich-admin"))) {
            assertThat(client).containsEntry("security.protocol", "SASL_PLAINTEXT")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .hasEntrySatisfying("sasl.jaas.config", jaas -> assertThat(jaas.toString()).contains("newsflow-enrich"));
        }
    }

    @Test
    void aNamedInstanceIsAStaticMemberPerThreadAndKeepsWarmStandbys() {
        StreamsConfig streams = new StreamsConfig(EnrichConfig.fromEnv(new Env(Map.of(
                "NEWSFLOW_INSTANCE_ID", "enrich-2", "NEWSFLOW_ENRICH_THREADS", "2"))).streamsProperties());

        assertThat(streams.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        // Kafka Streams makes one member per stream thread: each gets the instance's name and its number.
        assertThat(streams.getMainConsumerConfigs("enrich", "enrich-consumer", 1))
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "enrich-2-1");
    }

    @Test
    void anUnnamedInstanceIsADynamicMember() {
        EnrichConfig config = EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_ENRICH_STANDBY_REPLICAS", "0")));
        StreamsConfig streams = new StreamsConfig(config.streamsProperties());

        assertThat(config.instanceId()).isEmpty();
        assertThat(streams.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isZero();
        assertThat(streams.getMainConsumerConfigs("enrich", "enrich-consumer", 0))
                .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }

    @Test
    void malformedValuesNameTheVariable() {
        assertThatThrownBy(() -> EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_ENRICH_STANDBY_REPLICAS", "-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_ENRICH_STANDBY_REPLICAS");
        assertThatThrownBy(() -> EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_ENRICH_THREADS", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_ENRICH_THREADS");
        assertThatThrownBy(() -> EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_ENRICH_PORT", "70000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_ENRICH_PORT");
    }
}
