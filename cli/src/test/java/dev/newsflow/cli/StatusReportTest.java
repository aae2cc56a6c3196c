package dev.newsflow.cli;

import static dev.newsflow.cli.StatusFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusReportTest {

    private final StatusReport healthy = StatusFixtures.healthy();

    @Test
    void aHealthyPipelineHasNoFindingsAndExitsZero() {
        assertThat(healthy.findings()).isEmpty();
        assertThat(healthy.exitCode(false)).isZero();
        assertThat(healthy.exitCode(true)).isZero();
    }

    @Test
    void unreachableElasticsearchIsAProblem() {
        StatusReport report = new StatusReport(NOW, Duration.ofHours(1), healthy.kafka(), healthy.deadLetters(),
                IndexStatus.unreachable("http://127.0.0.1:1", "news", "Elasticsearch at http://127.0.0.1:1 is not reachable"),
                healthy.services());

        assertThat(report.findings()).containsExactly(
                Finding.problem("Elasticsearch at http://127.0.0.1:1 is not reachable"));
        assertThat(report.exitCode(false)).isEqualTo(1);
    }

    @Test
    void unreachableKafkaAndMissingTopicsAreProblems() {
        StatusReport down = new StatusReport(NOW, Duration.ofHours(1), KafkaStatus.unreachable("k:9092", "no answer"),
                healthy.deadLetters(), healthy.index(), List.of());
        StatusReport missing = new StatusReport(NOW, Duration.ofHours(1), new KafkaStatus("k:9092", null,
                List.of(TopicStatus.missing("news.articles.raw")), List.of()), healthy.deadLetters(), healthy.index(), List.of());

        assertThat(down.findings()).containsExactly(Finding.problem("no answer"));
        assertThat(missing.findings()).containsExactly(Finding.problem("topic news.articles.raw does not exist"));
    }

    @Test
    void aServiceThatIsNotReadyIsAProblem() {
        StatusReport report = new StatusReport(NOW, Duration.ofHours(1), healthy.kafka(), healthy.deadLetters(),
                healthy.index(), List.of(new ServiceStatus("enrich", URI.create("http://127.0.0.1:8082"), false,
                        "not reachable (connection refused)")));

        assertThat(report.findings()).containsExactly(Finding.problem(
                "enrich-service at http://127.0.0.1:8082 is not ready: not reachable (connection refused)"));
        assertThat(report.exitCode(false)).isEqualTo(1);
    }

    @Test
    void quietSourcesAndUnreplayedDeadLettersAreWarningsThatFailOnlyWhenStrict() {
        SourceActivity quiet = new SourceActivity("afp", 3, NOW.minus(Duration.ofMinutes(150)));
        DeadLetterSummary letters = new DeadLetterSummary("news.deadletter", null, 2, 1, Map.of("index", 2), List.of());
        StatusReport report = new StatusReport(NOW, Duration.ofHours(1), healthy.kafka(), letters,
                StatusFixtures.index(StatusFixtures.fresh(), quiet), healthy.services());

        assertThat(report.findings()).containsExactly(
                Finding.warning("1 dead letters not replayed; see newsflow dlq list"),
                Finding.warning("source afp has sent nothing for 2h30m (quiet after 1h)"));
        assertThat(report.quiet(quiet)).isTrue();
        assertThat(report.quiet(StatusFixtures.fresh())).isFalse();
        assertThat(report.exitCode(false)).isZero();
        assertThat(report.exitCode(true)).isEqualTo(1);
    }

    @Test
    void aGroupThatNeverCommittedOrHasNoMembersWhileRecordsWaitIsWarnedAbout() {
        TopicStatus raw = StatusFixtures.raw();
        GroupLag never = new GroupLag("newsflow-enrich", raw.name(), "ABSENT", 0, ConsumerLag.of(raw, Map.of()));
        GroupLag idle = new GroupLag("newsflow-index", raw.name(), "EMPTY", 0, ConsumerLag.of(raw, Map.of(0, 2L, 1, 9L)));
        StatusReport report = new StatusReport(NOW, Duration.ofHours(1), StatusFixtures.kafka(never, idle),
                healthy.deadLetters(), healthy.index(), List.of());

        assertThat(report.findings()).containsExactly(
                Finding.warning("consumer group newsflow-enrich has committed nothing on news.articles.raw"
                        + " (21 records waiting); is its service running?"),
                Finding.warning("consumer group newsflow-index has no members and lags 10 records on news.articles.raw"));
    }

    @Test
    void aMissingAliasIsAProblemAndYellowHealthAWarning() {
        IndexStatus index = new IndexStatus("http://es:9200", null, "yellow", "news", List.of(), 0, List.of());
        StatusReport report = new StatusReport(NOW, Duration.ofHours(1), healthy.kafka(), healthy.deadLetters(), index,
                List.of());

        assertThat(report.findings()).containsExactly(
                Finding.problem("alias news does not exist; has index-service started?"),
                Finding.degraded("Elasticsearch cluster health is yellow: some replica shards are not allocated"));
    }

    @Test
    void aClusterMissingOneInstanceOrOneReplicaIsDegradedWithItsOwnExitCode() {
        List<ServiceStatus> instances = List.of(
                new ServiceStatus("index", URI.create("http://127.0.0.1:8083"), true, null),
                new ServiceStatus("index", URI.create("http://127.0.0.1:8093"), false, "not reachable (connection refused)"));
        StatusReport oneDown = new StatusReport(NOW, Duration.ofHours(1), healthy.kafka(), healthy.deadLetters(),
                healthy.index(), instances);
        assertThat(oneDown.findings()).containsExactly(Finding.degraded("index-service at http://127.0.0.1:8093 is not"
                + " ready: not reachable (connection refused) (1 of 2 instances ready)"));
        assertThat(oneDown.exitCode(false)).isEqualTo(StatusReport.DEGRADED);

        StatusReport brokerDown = new StatusReport(NOW, Duration.ofHours(1), healthy.kafka(), healthy.deadLetters(),
                healthy.index(), healthy.services(), new Redundancy(2, List.of("news.articles.raw-0"), List.of(),
                List.of(URI.create("http://127.0.0.1:9201")), 3));
        assertThat(brokerDown.findings()).extracting(Finding::severity).containsOnly(Finding.Severity.DEGRADED).hasSize(2);
        assertThat(brokerDown.exitCode(true)).as("degraded even with --strict").isEqualTo(StatusReport.DEGRADED);
    }

    @Test
    void anInstanceTakingOverADeadOnesWorkKeepsTheServiceDegradedNotDown() {
        URI survivor = URI.create("http://127.0.0.1:8082");
        URI dead = URI.create("http://127.0.0.1:8092");
        StatusReport takingOver = new StatusReport(NOW, Duration.ofHours(1), healthy.kafka(), healthy.deadLetters(),
                healthy.index(), List.of(
                new ServiceStatus("enrich", survivor, false, "HTTP 503 - kafka-streams: Kafka Streams is REBALANCING", true),
                new ServiceStatus("enrich", dead, false, "not reachable (connection refused)")));
        assertThat(takingOver.findings()).containsExactly(
                Finding.degraded("enrich-service at " + survivor + " is not ready: HTTP 503 - kafka-streams: Kafka Streams"
                        + " is REBALANCING (none of 2 instances ready, 1 settling)"),
                Finding.degraded("enrich-service at " + dead + " is not ready: not reachable (connection refused)"
                        + " (none of 2 instances ready, 1 settling)"));
        assertThat(takingOver.exitCode(false)).isEqualTo(StatusReport.DEGRADED);

        StatusReport failed = new StatusReport(NOW, Duration.ofHours(1), healthy.kafka(), healthy.deadLetters(),
                healthy.index(), List.of(
                new ServiceStatus("enrich", survivor, false, "HTTP 503 - kafka-streams: Kafka Streams is ERROR"),
                new ServiceStatus("enrich", dead, false, "not reachable (connection refused)")));
        assertThat(failed.exitCode(false)).as("none ready and none settling").isEqualTo(StatusReport.UNHEALTHY);
    }

    @Test
    void withEveryInstanceOfAServiceDownOrAPartitionOfflineItIsUnhealthy() {
        StatusReport allDown = new StatusReport(NOW, Duration.ofHours(1), healthy.kafka(), healthy.deadLetters(),
                healthy.index(), List.of(
                new ServiceStatus("ingest", URI.create("http://127.0.0.1:8081"), false, "not reachable (connection refused)"),
                new ServiceStatus("ingest", URI.create("http://127.0.0.1:8091"), false, "not reachable (connection refused)")));
        assertThat(allDown.findings()).extracting(Finding::severity).containsOnly(Finding.Severity.PROBLEM);
        assertThat(allDown.exitCode(false)).isEqualTo(StatusReport.UNHEALTHY);

        StatusReport offline = new StatusReport(NOW, Duration.ofHours(1), healthy.kafka(), healthy.deadLetters(),
                healthy.index(), healthy.services(), new Redundancy(1, List.of(), List.of("news.articles.raw-3"), List.of(), 1));
        assertThat(offline.exitCode(false)).isEqualTo(StatusReport.UNHEALTHY);
    }
}
