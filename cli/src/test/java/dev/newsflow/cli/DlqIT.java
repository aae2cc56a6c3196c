package dev.newsflow.cli;

import static dev.newsflow.cli.StackFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.DeadLetters;
import dev.newsflow.core.Json;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class DlqIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String RAW_VALUE = "{\"id\":\"e1\",\"source\":\"reuters\",\"body\":\"Text that broke enrichment\"}";
    private static final String ENRICHED_VALUE = "{\"id\":\"i1\",\"title\":\"Rejected by the mapping\"}";

    private final StackFixture fixture;
    private String raw;
    private String enriched;

    DlqIT(StackEndpoints stack) {
        fixture = new StackFixture(stack);
    }

    @BeforeEach
    void oneDeadLetterPerStage() throws Exception {
        fixture.createTopics();
        raw = fixture.prefix + "news.articles.raw";
        enriched = fixture.prefix + "news.articles.enriched";
        String deadletter = fixture.prefix + "news.deadletter";
        fixture.send(List.of(
                // As enrich-service's dead letters are now: written by Kafka Streams (KIP-1034), with the stage added.
                record(deadletter, 0, "e1", RAW_VALUE, DeadLetterTest.kafkaStreamsHeaders("enrich",
                        new IllegalStateException("no language model"), raw, 1, 4)),
                record(deadletter, 1, "i1", ENRICHED_VALUE, DeadLetters.headers("index",
                        new IllegalArgumentException("failed to parse field [published_at] of type [date]"), enriched, 0, 9))));
    }

    @Test
    void listShowsStageReasonKeyOriginAndPreview() {
        int code = fixture.dlq(CLOCK, "list");

        assertThat(code).as(fixture.err).isZero();
        assertThat(fixture.out).contains("2 dead letters in " + fixture.prefix + "news.deadletter")
                .containsPattern("0@0  \\S+Z  stage enrich  key e1  NOT REPLAYED")
                .contains("  reason:  IllegalStateException: no language model")
                .contains("  from:    " + raw + " 1@4")
                .contains("  preview: " + RAW_VALUE)
                .containsPattern("1@0  \\S+Z  stage index  key i1  NOT REPLAYED")
                .contains("  reason:  IllegalArgumentException: failed to parse field [published_at] of type [date]");

        fixture.dlq(CLOCK, "list", "--stage", "index");
        assertThat(fixture.out).contains("1 dead letters").contains("key i1").doesNotContain("key e1");
        fixture.dlq(CLOCK, "list", "--id", "nothing-like-it");
        assertThat(fixture.out).contains("No dead letters");
    }

    @Test
    void replaySendsEachDeadLetterBackOnceAndRecordsIt() {
        int first = fixture.dlq(CLOCK, "replay", "--stage", "enrich");

        assertThat(first).as(fixture.err).isZero();
        assertThat(fixture.out).contains("replayed 0@0 (stage enrich, key e1) to " + raw)
                .contains("1 replayed, 0 skipped, 0 replayed before; recorded in " + fixture.prefix + "news.deadletter.replays");
        List<ConsumerRecord<byte[], byte[]>> replayed = fixture.readAll(raw);
        assertThat(replayed).hasSize(1);
        ConsumerRecord<byte[], byte[]> record = replayed.getFirst();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("e1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(RAW_VALUE);
        assertThat(DeadLetters.header(record.headers(), DeadLetterReplayer.REPLAYED_AT)).isEqualTo("2026-03-01T12:00:00.000Z");
        assertThat(DeadLetters.header(record.headers(), DeadLetterReplayer.REPLAYED_FROM))
                .isEqualTo(fixture.prefix + "news.deadletter/0@0");
        assertThat(fixture.readAll(enriched)).isEmpty();

        int second = fixture.dlq(CLOCK, "replay", "--stage", "enrich");

        assertThat(second).isZero();
        assertThat(fixture.out).contains("0 replayed, 0 skipped, 1 replayed before");
        assertThat(fixture.readAll(raw)).hasSize(1);

        List<ConsumerRecord<byte[], byte[]>> ledger = fixture.readAll(fixture.prefix + "news.deadletter.replays");
        assertThat(ledger).hasSize(1);
        assertThat(Json.mapper().convertValue(readTree(ledger.getFirst().value()), ReplayEntry.class))
                .satisfies(entry -> {
                    assertThat(entry.deadLetter()).isEqualTo("0@0");
                    assertThat(entry.key()).isEqualTo("e1");
                    assertThat(entry.targetTopic()).isEqualTo(raw);
                    assertThat(entry.replayedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
                });

        fixture.dlq(CLOCK, "list");
        assertThat(fixture.out).containsPattern("key e1  REPLAYED 2026-03-01T12:00:00.000Z to " + raw.replace(".", "\\.") + " \\d@0")
                .contains("key i1  NOT REPLAYED");
    }

    @Test
    void replayByIdSendsAnIndexDeadLetterToTheEnrichedTopic() {
        int code = fixture.dlq(CLOCK, "replay", "--id", "i1");

        assertThat(code).as(fixture.err).isZero();
        assertThat(fixture.out).contains("1 replayed, 0 skipped, 0 replayed before");
        assertThat(fixture.readAll(enriched)).singleElement()
                .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo(ENRICHED_VALUE));
        assertThat(fixture.readAll(raw)).isEmpty();
    }

    @Test
    void aDeadLetterFromAnotherInstallationIsSkippedNotGuessed() throws Exception {
        fixture.send(List.of(record(fixture.prefix + "news.deadletter", 0, "x1", "{}",
                DeadLetters.headers("index", new IllegalStateException("boom"), "elsewhere.news.articles.enriched", 0, 1))));

        int code = fixture.dlq(CLOCK, "replay", "--id", "x1");

        assertThat(code).isEqualTo(1);
        assertThat(fixture.out).contains("skipped  0@1 (stage index, key x1): it came from elsewhere.news.articles.enriched")
                .contains("0 replayed, 1 skipped");
        assertThat(fixture.readAll(enriched)).isEmpty();
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
