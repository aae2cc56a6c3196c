package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.stack.ServiceJvm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The delivery guarantee under real faults (DESIGN.md, Delivery guarantees): every article answered
 * with 202 ends up searchable exactly once at its latest version, or in the dead letter topic with its
 * reason; killed ones are absent; no id is held twice; the services recover by themselves.
 *
 * <p>The three services run as separate JVMs on the test run's Kafka and Elasticsearch. Each scenario
 * sends its own stream (its own feed source, so its check sees only its own ids) of short articles with
 * updates, kills and NDJSON batches mixed in, through HTTP from several feed clients that retry
 * connection errors, 503 and 429 as a real feed would; injects its fault mid-stream; lets the pipeline
 * catch up; and checks the invariant over the full record. Scenarios share one pipeline (starting
 * enrich costs half a minute), so a scenario also finds out whether the previous one left it healthy.
 * The table lands in {@code target/fault-report.md}.
 *
 * <p>CI size: 1,000 to 1,500 articles per scenario. {@code -Dnewsflow.soak=true} (or
 * {@code NEWSFLOW_SOAK=true}) runs ten times as many at the same pace, so each stream lasts ten times as long.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryUnderFaultsIT extends PipelineFaultTest {

    private static final String BASELINE = "baseline";
    private static final String KAFKA_KILLS = "kafka-kills";
    private static final String ES_OUTAGE = "es-outage";
    private static final String ES_BLOCK = "es-block";
    private static final String INDEX_KILL = "index-kill";
    private static final String ENRICH_KILL = "enrich-kill";
    private static final String INGEST_KILL = "ingest-kill";
    private static final Duration ES_DOWN = Duration.ofSeconds(60);
    private static final Duration ES_BLOCKED = Duration.ofSeconds(20);
    private static final int KAFKA_KILL_COUNT = 3;
    private static final int MAX_FREEZES = 40;
    /** Of the four feed clients. */
    private static final int REQUESTS_IN_FLIGHT = 3;

    @Override
    List<String> sources() {
        return List.of(BASELINE, KAFKA_KILLS, ES_OUTAGE, ES_BLOCK, INDEX_KILL, ENRICH_KILL, INGEST_KILL);
    }

    @Test
    @Order(0)
    void withoutAFaultEveryAcknowledgedArticleIsIndexedOnce() throws Exception {
        FaultScenario.Result result = scenarios.run("no fault (baseline)", BASELINE, 500,
                traffic -> new FaultScenario.Effect(Duration.ZERO, "none"));
        assertHolds(result);
    }

    @Test
    @Order(1)
    void kafkaKilledAndRestartedThreeTimesDuringTheStream() throws Exception {
        AtomicLong retried = new AtomicLong();
        FaultScenario.Result result = scenarios.run("Kafka SIGKILL + restart x" + KAFKA_KILL_COUNT, KAFKA_KILLS, 1500,
                traffic -> {
                    Duration slowestStart = Duration.ZERO;
                    for (int kill = 1; kill <= KAFKA_KILL_COUNT; kill++) {
                        int before = traffic.acknowledged();
                        await("the stream flows before kill " + kill).atMost(Duration.ofMinutes(3))
                                .until(() -> traffic.acknowledged() >= before + traffic.plan().articles() / 10);
                        stack.killKafka();
                        Instant restarting = Instant.now();
                        stack.startKafka();
                        Duration took = Duration.between(restarting, Instant.now());
                        slowestStart = took.compareTo(slowestStart) > 0 ? took : slowestStart;
                    }
                    retried.set(traffic.retries());
                    return new FaultScenario.Effect(slowestStart, KAFKA_KILL_COUNT + " kills, " + retried.get()
                            + " requests retried after 503 or a cut connection");
                });
        assertThat(retried.get()).as("requests the feed clients had to retry").isPositive();
        assertHolds(result);
    }

    @Test
    @Order(2)
    void elasticsearchKilledForAMinuteThenRestarted() throws Exception {
        FaultScenario.Result result = scenarios.run("Elasticsearch SIGKILL for " + ES_DOWN.toSeconds() + " s", ES_OUTAGE,
                1200, traffic -> {
                    PrometheusText before = PrometheusText.scrape(pipeline.index());
                    stack.killElasticsearch();
                    Instant killed = Instant.now();
                    AtomicBoolean indexSaidNotReady = new AtomicBoolean();
                    await("the outage lasts").atMost(ES_DOWN.plusSeconds(30)).pollInterval(Duration.ofSeconds(1))
                            .until(() -> {
                                indexSaidNotReady.compareAndSet(false, !pipeline.index().ready());
                                return Duration.between(killed, Instant.now()).compareTo(ES_DOWN) >= 0;
                            });
                    Instant restarting = Instant.now();
                    stack.startElasticsearch();
                    Duration took = Duration.between(restarting, Instant.now());
                    assertThat(indexSaidNotReady).as("index-service reported not ready without Elasticsearch").isTrue();
                    return new FaultScenario.Effect(took, "index-service paused " + (long) retriedSince(before) + " times");
                });
        assertHolds(result);
    }

    @Test
    @Order(3)
    void elasticsearchAnswering429ForAWhile() throws Exception {
        ElasticsearchHttp es = new ElasticsearchHttp(stack.endpoints().elasticsearchUrl());
        String settings = "/" + pipeline.concreteIndex() + "/_settings";
        AtomicReference<ElasticsearchHttp.Answer> probe = new AtomicReference<>();
        FaultScenario.Result result = scenarios.run("Elasticsearch 429 (index block) for " + ES_BLOCKED.toSeconds() + " s",
                ES_BLOCK, 1000, traffic -> {
                    PrometheusText before = PrometheusText.scrape(pipeline.index());
                    ElasticsearchHttp.Answer block = es.put(settings, Map.of("index.blocks.read_only_allow_delete", true));
                    assertThat(block.status()).as("setting the block: " + block.body()).isEqualTo(200);
                    Instant blocked = Instant.now();
                    try {
                        probe.set(es.put("/" + pipeline.concreteIndex() + "/_doc/e2e-block-probe",
                                Map.of("id", "e2e-block-probe", "source", "e2e-block-probe")));
                        await("index-service retries while the block lasts").atMost(ES_BLOCKED.plusSeconds(60))
                                .pollInterval(Duration.ofSeconds(1))
                                .until(() -> retriedSince(before) > 0
                                        && Duration.between(blocked, Instant.now()).compareTo(ES_BLOCKED) >= 0);
                    } finally {
                        ElasticsearchHttp.Answer lift = es.put(settings, "{\"index.blocks.read_only_allow_delete\": null}");
                        assertThat(lift.status()).as("lifting the block: " + lift.body()).isEqualTo(200);
                    }
                    Instant lifted = Instant.now();
                    double indexedAtLift = PrometheusText.scrape(pipeline.index()).sum("newsflow_index_documents_total");
                    await("index-service writes again").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                            .until(() -> PrometheusText.scrape(pipeline.index()).sum("newsflow_index_documents_total") > indexedAtLift);
                    return new FaultScenario.Effect(Duration.between(lifted, Instant.now()),
                            "probe write answered " + probe.get().status() + " " + probe.get().body().path("error").path("type").asText()
                                    + "; index-service paused " + (long) retriedSince(before) + " times");
                });
        assertThat(probe.get().status()).as("a write while blocked: " + probe.get().body()).isEqualTo(429);
        assertThat(probe.get().body().path("error").path("type").asText()).isEqualTo("cluster_block_exception");
        assertHolds(result);
    }

    @Test
    @Order(4)
    void indexServiceKilledAfterABulkAndBeforeItsCommit() throws Exception {
        CommitGap gap = new CommitGap(pipeline, INDEX_KILL);
        AtomicReference<String> afterKill = new AtomicReference<>();
        FaultScenario.Result result = scenarios.run("index-service SIGKILL between bulk and commit", INDEX_KILL, 1000,
                traffic -> {
                    // Right after a bulk answered, before the poll thread commits it, is the likeliest instant.
                    TimedKill.Outcome<String> kill = TimedKill.when(pipeline.index(),
                            "newsflow_index_bulk_requests_seconds_count", MAX_FREEZES, gap::find);
                    // Dead, it can commit nothing more: the gap must still be there for the restart to replay.
                    afterKill.set(gap.find().orElse(null));
                    Instant restarting = Instant.now();
                    pipeline.index().restart();
                    return new FaultScenario.Effect(Duration.between(restarting, Instant.now()),
                            "killed at the " + kill.freezes() + ". freeze with " + kill.evidence());
                });
        assertThat(afterKill.get()).as("writes past the committed offsets after the kill").isNotNull();
        assertHolds(result);
    }

    @Test
    @Order(5)
    void enrichServiceKilledMidTransaction() throws Exception {
        ExactlyOnceCheck exactlyOnce = new ExactlyOnceCheck(pipeline, ENRICH_KILL);
        EnrichTransactions transactions = new EnrichTransactions(pipeline);
        AtomicReference<List<EnrichTransactions.Open>> atKill = new AtomicReference<>(List.of());
        FaultScenario.Result result = scenarios.run("enrich-service SIGKILL mid-transaction", ENRICH_KILL, 1000,
                traffic -> {
                    // Streams lingers and commits every 100 ms: most instants fall between two transactions.
                    TimedKill.Outcome<List<EnrichTransactions.Open>> kill = TimedKill.when(pipeline.enrich(),
                            "newsflow_enrich_articles_total", MAX_FREEZES,
                            () -> Optional.of(transactions.openWithOutput()).filter(open -> !open.isEmpty()));
                    atKill.set(kill.evidence());
                    Instant restarting = Instant.now();
                    pipeline.enrich().restart();
                    return new FaultScenario.Effect(Duration.between(restarting, Instant.now()),
                            "killed at the " + kill.freezes() + ". freeze with open transaction " + kill.evidence());
                });
        ExactlyOnceCheck.Result output = exactlyOnce.run();
        report.add(result.row(output.duplicated().size(), output.abortedRecords() + " aborted records hidden from"
                + " read_committed; raw " + output.rawRecords() + ", enriched " + output.enrichedRecords()));
        // The restarted instance fenced the killed one: none of the transactions open at the kill is open still.
        assertThat(transactions.open()).as("transactions left open by the killed instance")
                .noneMatch(open -> atKill.get().stream().anyMatch(killed -> killed.producerId() == open.producerId()
                        && killed.producerEpoch() == open.producerEpoch()));
        assertThat(output.abortedRecords()).as("output of the killed transaction, aborted and hidden from read_committed")
                .isPositive();
        assertThat(output.duplicated()).as("writes enriched more than once").isEmpty();
        assertThat(output.missing()).as("writes never enriched").isEmpty();
        assertInvariant(result);
    }

    @Test
    @Order(6)
    void ingestServiceKilledWithRequestsInFlight() throws Exception {
        AtomicLong cut = new AtomicLong();
        FaultScenario.Result result = scenarios.run("ingest-service SIGKILL with requests in flight", INGEST_KILL, 1000,
                traffic -> {
                    ServiceJvm ingest = pipeline.ingest();
                    // Paced requests rarely overlap on their own. Frozen, ingest keeps accepting connections in the
                    // kernel but answers none, so the clients pile up mid-request, along with whatever it was
                    // publishing at the freeze; the kill then cuts all of them off.
                    ingest.freeze();
                    try {
                        await("requests pile up at the frozen ingest").atMost(Duration.ofSeconds(30))
                                .pollInterval(Duration.ofMillis(10))
                                .until(() -> traffic.inFlight() >= REQUESTS_IN_FLIGHT);
                    } catch (ConditionTimeoutException e) {
                        ingest.thaw();
                        throw e;
                    }
                    long failuresBefore = traffic.connectionFailures();
                    int inFlight = traffic.inFlight();
                    ingest.kill();
                    Instant restarting = Instant.now();
                    ingest.restart();
                    cut.set(traffic.connectionFailures() - failuresBefore);
                    return new FaultScenario.Effect(Duration.between(restarting, Instant.now()),
                            inFlight + " requests in flight at the kill, " + cut.get()
                                    + " requests cut off or refused, then retried");
                });
        assertThat(cut.get()).as("requests cut off by the kill").isPositive();
        assertHolds(result);
    }

    private double retriedSince(PrometheusText before) {
        return PrometheusText.scrape(pipeline.index()).sum("newsflow_index_bulk_retries_total")
                - before.sum("newsflow_index_bulk_retries_total");
    }

    private void assertHolds(FaultScenario.Result result) {
        report.add(result.row(0, ""));
        assertInvariant(result);
    }

    private void assertInvariant(FaultScenario.Result result) {
        assertThat(result.ledger().refusals()).as("refused articles").isEmpty();
        assertThat(result.verdict().holds()).as(result.scenario() + ": " + result.verdict().describe()).isTrue();
        // Every article sent is valid: a dead letter here would mean a fault was taken for a bad record.
        assertThat(result.verdict().deadLettered()).as(result.scenario() + ": dead letters").isEmpty();
        assertThat(result.caughtUp()).as(result.scenario() + ": caught up").isPresent();
        assertThat(scenarios.unrecovered()).as("services that did not recover by themselves").isEmpty();
        assertThat(stack.stoppedServers()).as("servers down").isEmpty();
    }
}
