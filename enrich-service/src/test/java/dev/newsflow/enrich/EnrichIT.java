package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.core.DeadLetters;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Env;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import dev.newsflow.enrich.dedup.WireStories;
import dev.newsflow.enrich.language.LanguageIdentifier;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The enrich stream as EnrichMain runs it (exactly-once), against a real Kafka broker. */
@ExtendWith(LocalStackExtension.class)
class EnrichIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final String bootstrap;
    private final Enricher enricher = new Enricher(Clock.fixed(EnricherTest.NOW, ZoneOffset.UTC), LanguageIdentifier.shared());
    private EnrichConfig config;
    private Topics topics;
    private EnrichService service;

    EnrichIT(StackEndpoints stack) {
        this.bootstrap = stack.kafkaBootstrap();
    }

    @BeforeEach
    void startService(@TempDir Path stateDir) {
        String run = UUID.randomUUID().toString();
        config = EnrichConfig.fromEnv(new Env(Map.of(
                "NEWSFLOW_KAFKA_BOOTSTRAP", bootstrap,
                "NEWSFLOW_TOPIC_PREFIX", "it-" + run + ".",
                "NEWSFLOW_TOPIC_PARTITIONS", "2",
                "NEWSFLOW_ENRICH_APP_ID", "enrich-it-" + run,
                "NEWSFLOW_ENRICH_STATE_DIR", stateDir.toString())));
        topics = config.kafka().topics();
        service = new EnrichService(config, enricher, new SimpleMeterRegistry());
        service.start();
        await().atMost(PATIENCE).until(() -> service.state() == KafkaStreams.State.RUNNING);
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void rawArticleIsEnrichedAndPoisonGoesToTheDeadLetterTopic() {
        RawArticle article = EnricherTest.feedArticle("it-1",
                "DOVER, England — Residents of three coastal towns were evacuated on Saturday after heavy rain.");
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] textless = topics.raw().valueSerde().serializer().serialize(topics.raw().name(),
                EnricherTest.feedArticle("it-empty", " "));

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.raw().name(), 0, "poison".getBytes(StandardCharsets.UTF_8), poison));
            producer.send(new ProducerRecord<>(topics.raw().name(), 1, "it-empty".getBytes(StandardCharsets.UTF_8), textless));
            producer.send(new ProducerRecord<>(topics.raw().name(), "it-1".getBytes(StandardCharsets.UTF_8),
                    topics.raw().valueSerde().serializer().serialize(topics.raw().name(), article)));
        }

        List<ConsumerRecord<byte[], byte[]>> enriched = readCommitted(topics.enriched().name(), 1);
        assertThat(enriched).hasSize(1);
        assertThat(new String(enriched.getFirst().key(), StandardCharsets.UTF_8)).isEqualTo("it-1");
        assertThat(topics.enriched().valueSerde().deserializer().deserialize(topics.enriched().name(), enriched.getFirst().value()))
                .isEqualTo(enricher.enrich(article));

        // Both kinds of dead letter, each in the transaction that committed its offset: seen by read_committed.
        Map<String, ConsumerRecord<byte[], byte[]>> dead = new HashMap<>();
        readCommitted(topics.deadletter().name(), 2).forEach(r -> dead.put(new String(r.key(), StandardCharsets.UTF_8), r));
        assertThat(dead).containsOnlyKeys("poison", "it-empty");
        assertThat(dead.get("poison").value()).isEqualTo(poison);
        Headers poisoned = dead.get("poison").headers();
        assertThat(DeadLetters.stage(poisoned)).isEqualTo("enrich");
        assertThat(DeadLetters.errorClass(poisoned)).isEqualTo(SerializationException.class.getName());
        assertThat(DeadLetters.originalTopic(poisoned)).isEqualTo(topics.raw().name());
        assertThat(DeadLetters.originalPartition(poisoned) + "@" + DeadLetters.originalOffset(poisoned)).isEqualTo("0@0");
        assertThat(dead.get("it-empty").value()).isEqualTo(textless);
        Headers empty = dead.get("it-empty").headers();
        assertThat(DeadLetters.stage(empty)).isEqualTo("enrich");
        assertThat(DeadLetters.errorClass(empty)).isEqualTo(EnrichmentException.class.getName());
        assertThat(DeadLetters.errorMessage(empty)).contains("no text");
        assertThat(DeadLetters.originalPartition(empty) + "@" + DeadLetters.originalOffset(empty)).isEqualTo("1@0");
    }

    @Test
    void nearDuplicateInAnotherPartitionIsSentAgainNamingTheEarlierArticle() {
        RawArticle original = wireCopy("it-wire", "wire", WireStories.ORIGINAL);
        RawArticle copy = wireCopy("it-other", "other", WireStories.EDITED_COPY);

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), Serdes.String().serializer(), topics.raw().valueSerde().serializer())) {
            // Partitions 0 and 1 are read by different tasks: the band-keyed dedup steps bring them together.
            producer.send(new ProducerRecord<>(topics.raw().name(), 0, original.id(), original));
            producer.flush();
            assertThat(readCommitted(topics.enriched().name(), 1)).hasSize(1);
            producer.send(new ProducerRecord<>(topics.raw().name(), 1, copy.id(), copy));
        }

        // The copy goes out at once as it is, then again marked once its check has ended.
        List<EnrichedArticle> out = readCommitted(topics.enriched().name(), 3).stream()
                .map(r -> topics.enriched().valueSerde().deserializer().deserialize(topics.enriched().name(), r.value()))
                .toList();
        assertThat(out).filteredOn(a -> a.id().equals("it-wire")).extracting(EnrichedArticle::duplicateOf)
                .containsExactly((String) null);
        assertThat(out).filteredOn(a -> a.id().equals("it-other")).extracting(EnrichedArticle::duplicateOf)
                .containsExactly(null, "it-wire");
        assertThat(repartitionTopicPartitions()).as("dedup's repartition topics follow the raw topic's 2 partitions")
                .containsOnlyKeys(config.applicationId() + "-dedup-bands-repartition",
                        config.applicationId() + "-dedup-answers-repartition")
                .allSatisfy((topic, partitions) -> assertThat(partitions).isEqualTo(2));
    }

    /** The application's repartition topics as Kafka Streams created them, with their partition counts. */
    private Map<String, Integer> repartitionTopicPartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> names = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(config.applicationId() + "-") && t.endsWith("-repartition")).toList();
            Map<String, Integer> partitions = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get()
                    .forEach((name, description) -> partitions.put(name, description.partitions().size()));
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while describing topics", e);
        } catch (ExecutionException e) {
            throw new AssertionError("cannot describe the repartition topics", e);
        }
    }

    private static RawArticle wireCopy(String id, String source, String body) {
        RawArticle article = EnricherTest.feedArticle(id, body);
        return article.withSource(source);
    }

    /** Reads the topic from the start, seeing only committed transactions, until it holds {@code count} records. */
    private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "enrich-it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }
}
