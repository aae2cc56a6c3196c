package dev.newsflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsflow.core.Json;
import dev.newsflow.core.KafkaSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * What has been replayed, kept in Kafka beside the dead letters ({@code <deadletter topic>.replays}, compacted,
 * keyed by the dead letter's partition@offset) rather than in a file on one operator's machine: whoever runs a
 * replay against the cluster, from wherever, sees what was replayed before, and the entry is written in the
 * same transaction as the replayed record.
 */
public final class ReplayLedger {

    private final String topic;

    public ReplayLedger(String deadLetterTopic) {
        this.topic = deadLetterTopic + ".replays";
    }

    public String topic() {
        return topic;
    }

    /** Creates the ledger topic when it is missing: one partition (it is read whole), compacted (one entry per dead letter). */
    public void ensureTopic(Admin admin, KafkaSettings settings, Duration timeout) {
        NewTopic definition = new NewTopic(topic, 1, settings.replication())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(definition)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the replay ledger " + topic + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the replay ledger " + topic + " within "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        }
    }

    /** The entries by dead letter (partition@offset); empty when nothing was ever replayed. */
    public Map<String, ReplayEntry> read(TopicReader reader) {
        Map<String, ReplayEntry> entries = new LinkedHashMap<>();
        for (var record : reader.readAll(topic)) {
            if (record.value() == null) {
                continue;
            }
            try {
                ReplayEntry entry = Json.mapper().readValue(record.value(), ReplayEntry.class);
                entries.put(entry.deadLetter(), entry);
            } catch (IOException e) {
                throw new UncheckedIOException("entry " + record.partition() + "@" + record.offset() + " of " + topic
                        + " is not a replay entry", e);
            }
        }
        return entries;
    }

    public ProducerRecord<byte[], byte[]> record(ReplayEntry entry) {
        try {
            return new ProducerRecord<>(topic, entry.deadLetter().getBytes(StandardCharsets.UTF_8),
                    Json.mapper().writeValueAsBytes(entry));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
