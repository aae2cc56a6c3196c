package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.core.Env;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import dev.newsflow.enrich.language.LanguageIdentifier;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several enrich instances in one application id, against a real broker: one more instance than there
 * are tasks, so one holds nothing and says so in its readiness; when an instance with a task stops
 * (SIGTERM's path: it leaves the group), its task moves to the others and a story sent afterwards is
 * enriched.
 */
@ExtendWith(LocalStackExtension.class)
class EnrichHandoverIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final String bootstrap;
    private final Enricher enricher = new Enricher(Clock.fixed(EnricherTest.NOW, ZoneOffset.UTC), LanguageIdentifier.shared());
    private final List<EnrichService> instances = new ArrayList<>();

    EnrichHandoverIT(StackEndpoints stack) {
        this.bootstrap = stack.kafkaBootstrap();
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(EnrichService::close);
    }

    @Test
    void anIdleInstanceIsUnreadyAndTakesOverWhenAnotherLeaves(@TempDir Path stateDirs) {
        String run = UUID.randomUUID().toString();
        Map<String, String> env = Map.of(
                "NEWSFLOW_KAFKA_BOOTSTRAP", bootstrap,
                "NEWSFLOW_TOPIC_PREFIX", "handover-" + run + ".",
                "NEWSFLOW_TOPIC_PARTITIONS", "1",
                "NEWSFLOW_ENRICH_APP_ID", "enrich-handover-" + run);
        EnrichConfig first = config(env, stateDirs.resolve("0"));
        Topics topics = first.kafka().topics();
        // With one partition per topic, each sub-topology is one task.
        int tasks = EnrichTopology.build(topics, enricher, new SimpleMeterRegistry()).describe().subtopologies().size();
        for (int i = 0; i <= tasks; i++) {
            EnrichService instance = new EnrichService(i == 0 ? first : config(env, stateDirs.resolve(Integer.toString(i))),
                    enricher, new SimpleMeterRegistry());
            instances.add(instance);
            instance.start();
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(instances).allMatch(s -> s.state() == KafkaStreams.State.RUNNING);
            assertThat(instances.stream().mapToInt(EnrichService::activeTasks).sum()).isEqualTo(tasks);
        });
        List<EnrichService> idle = instances.stream().filter(s -> s.activeTasks() == 0).toList();
        assertThat(idle).hasSize(1);
        assertThat(idle.getFirst().readiness().problem()).hasValueSatisfying(p -> assertThat(p).contains("no active task"));
        instances.stream().filter(s -> s.activeTasks() > 0)
                .forEach(s -> assertThat(s.readiness().problem()).isEmpty());

        EnrichService leaving = instances.stream().filter(s -> s.activeTasks() > 0).findFirst().orElseThrow();
        leaving.close();
        instances.remove(leaving);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(instances.stream().mapToInt(EnrichService::activeTasks).sum()).isEqualTo(tasks);
            assertThat(idle.getFirst().activeTasks()).isPositive();
            assertThat(idle.getFirst().readiness().problem()).isEmpty();
        });
        RawArticle story = EnricherTest.feedArticle("after-handover",
                "DOVER, England — Residents of three coastal towns were evacuated on Saturday after heavy rain.");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), Serdes.String().serializer(), topics.raw().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.raw().name(), story.id(), story));
        }
        assertThat(readCommittedKeys(topics.enriched().name())).containsExactly("after-handover");
    }

    private static EnrichConfig config(Map<String, String> env, Path stateDir) {
        Map<String, String> own = new HashMap<>(env);
        own.put("NEWSFLOW_ENRICH_STATE_DIR", stateDir.toString());
        return EnrichConfig.fromEnv(new Env(own));
    }

    private List<String> readCommittedKeys(String topic) {
        List<String> keys = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "handover-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return !keys.isEmpty();
            });
        }
        return keys;
    }
}
