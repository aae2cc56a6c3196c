package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.stack.FleetService;
import dev.newsflow.stack.LocalCluster;
import dev.newsflow.stack.LocalClusterExtension;
import dev.newsflow.stack.ServiceJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery guarantee on the local cluster while its parts fail one after another under steady
 * traffic: a Kafka broker, an enrich instance, an index instance and an Elasticsearch node are each
 * killed with SIGKILL and brought back, and at the end every acknowledged story is indexed exactly
 * once, none lost. With three brokers (min ISR 2), three nodes (a replica of every shard) and two
 * instances per service, no fault here should stop the pipeline, only slow it down.
 *
 * <p>Two more promises are checked on the way. Near-duplicates are still found across instances and
 * faults: a share of the stories is re-sent later as lightly edited copies under ids of their own (so
 * original and copy mostly fall on different partitions, often on different enrich instances, and many
 * copies are sent after a kill that came after their original), and at the end every copy names its
 * original in {@code duplicate_of} while no original is flagged, save the pair the README allows the other
 * way round: an original that reached enrich after its copy, behind a killed instance (see {@link CopyVerdict}). And {@code ./newsflow status}, run every
 * second or two throughout, says DEGRADED while each part is down or catching up, for that part's reason,
 * and healthy again once all are back.
 *
 * <p>It costs several minutes on two cores (the cluster and six service JVMs start, then four faults
 * with their recoveries), so it runs only with {@code -Dnewsflow.cluster=true}, not in every build.
 */
@ExtendWith(LocalClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "newsflow.cluster", matches = "true")
class ClusterFaultsIT {

    private static final Logger log = LoggerFactory.getLogger(ClusterFaultsIT.class);
    private static final String SOURCE = "cluster-faults";
    /** The node the checks read through; never the one killed. */
    private static final int CHECK_NODE = 1;
    private static final int KILLED_BROKER = 2;
    private static final int KILLED_NODE = 3;
    /** About 180 copies in the 4,000 articles. */
    private static final double COPY_SHARE = 0.05;
    /** From the end of the scenario (everything caught up) until the status must say healthy. */
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);
    /**
     * How long after everything is indexed the copies may still wait for their marked second send: it
     * follows dedup's band lookups, whose internal topics drain after the raw topic's lag is gone.
     */
    private static final Duration MARKED_WITHIN = Duration.ofMinutes(3);
    /** How long a killed part stays down at most, waiting for newsflow status to show it missing. */
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(90);

    private final FaultScale scale = FaultScale.current();
    private final FaultReport report = new FaultReport(scale);
    private LocalCluster cluster;
    private Pipeline pipeline;
    private FaultScenario scenarios;

    /**
     * One part killed and brought back.
     *
     * @param signs      text one of the status's DEGRADED findings should contain while the part is down or
     *                   catching up (any one of them)
     * @param restarting when the kill was over and the start began
     * @param streaming  whether the stream was still being sent when the part was killed
     */
    private record Outage(String part, List<String> signs, Instant killed, Instant restarting, Instant back,
                          boolean streaming) {

        /** How long the part took to be ready again once started. */
        Duration took() {
            return Duration.between(restarting, back);
        }

        String describe() {
            return part + " back in " + took().toSeconds() + " s" + (streaming ? "" : " (killed after the stream ended)");
        }
    }

    @BeforeAll
    void startFleet(LocalCluster cluster, @TempDir Path home) {
        this.cluster = cluster;
        pipeline = Pipeline.onCluster(cluster, CHECK_NODE, home, List.of(SOURCE));
        scenarios = new FaultScenario(pipeline, scale);
    }

    @AfterAll
    void stopFleet() {
        report.publish();
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aBrokerAnEnrichAndAnIndexInstanceAndANodeKilledInTurnLoseNothing() throws Exception {
        List<Outage> outages = new ArrayList<>();
        FaultScenario.Result result;
        Optional<StatusWatch.Observation> healthy;
        List<StatusWatch.Observation> observed;
        Instant watchStarted;
        try (StatusWatch status = StatusWatch.start(pipeline.statusEnv())) {
            watchStarted = status.started();
            result = scenarios.run("cluster: broker, enrich-2, index-2, ES node SIGKILL in turn",
                    SOURCE, 4000, COPY_SHARE, traffic -> killInTurn(traffic, status, outages));
            healthy = healthyAfter(status, Instant.now());
            observed = status.observations();
        }
        IndexedArticles index = new IndexedArticles(new ElasticsearchHttp(pipeline.stack().elasticsearchUrl()), pipeline.alias());
        CopyVerdict copies = copiesOnceMarked(result, index);
        List<String> unseen = notShownDegraded(outages, observed);
        publish(result, copies, outages, StatusWatch.stretches(observed), healthy.isPresent(), watchStarted);

        assertThat(result.ledger().refusals()).as("refused articles").isEmpty();
        assertThat(result.verdict().holds()).as(result.verdict().describe()).isTrue();
        assertThat(result.verdict().duplicated()).as("indexed more than once").isEmpty();
        assertThat(result.verdict().deadLettered()).as("dead letters").isEmpty();
        assertThat(result.caughtUp()).as("caught up").isPresent();
        assertThat(result.ledger().acknowledged()).as("acknowledged while the faults went on").isPositive();
        assertThat(scenarios.unrecovered()).as("instances that did not recover").isEmpty();
        assertThat(cluster.stoppedServers()).as("brokers and nodes down").isEmpty();
        assertThat(copies.sent()).as("near-duplicate copies sent").isPositive();
        assertThat(copies.holds()).as(copies.describe()).isTrue();
        assertThat(unseen).as("faults newsflow status never showed as DEGRADED for their reason").isEmpty();
        assertThat(healthy).as("newsflow status healthy once everything caught up").isPresent();
    }

    /** The four faults, one after another; the node last: it takes longest to come back, and the instances' kills should fall inside the stream. */
    private FaultScenario.Effect killInTurn(Traffic traffic, StatusWatch status, List<Outage> outages) {
        ServiceJvm enrich2 = pipeline.fleet().orElseThrow().instance(FleetService.ENRICH, 2);
        ServiceJvm index2 = pipeline.fleet().orElseThrow().instance(FleetService.INDEX, 2);
        outages.add(step(traffic, status, "broker " + KILLED_BROKER, List.of("partitions are under-replicated"),
                () -> cluster.killBroker(KILLED_BROKER), () -> cluster.startBroker(KILLED_BROKER)));
        outages.add(step(traffic, status, "enrich-2", List.of("enrich-service at " + enrich2.uri("")), enrich2::kill, enrich2::restart));
        outages.add(step(traffic, status, "index-2", List.of("index-service at " + index2.uri("")), index2::kill, index2::restart));
        outages.add(step(traffic, status, "Elasticsearch node es-" + KILLED_NODE,
                List.of("Elasticsearch node " + cluster.elasticsearchNode(KILLED_NODE), "health is yellow"),
                () -> cluster.killElasticsearchNode(KILLED_NODE), () -> cluster.startElasticsearchNode(KILLED_NODE)));
        return new FaultScenario.Effect(outages.stream().map(Outage::took).max(Comparator.naturalOrder()).orElseThrow(),
                outages.stream().map(Outage::describe).collect(Collectors.joining("; ")));
    }

    /** Logs the copies and what the status said when, and adds the scenario's row with both to the report. */
    private void publish(FaultScenario.Result result, CopyVerdict copies, List<Outage> outages,
                         List<StatusWatch.Stretch> stretches, boolean healthyAtEnd, Instant watchStarted) {
        Instant lastBack = outages.isEmpty() ? watchStarted : outages.getLast().back();
        // Healthy at the end means the last stretch is the healthy one; it began when the status turned healthy for good.
        String healthy = healthyAtEnd ? "from " + StatusWatch.seconds(watchStarted, stretches.getLast().from()) + " ("
                + StatusWatch.seconds(lastBack, stretches.getLast().from()) + " after the last part was back)"
                : "NOT within " + HEALTHY_WITHIN + " of the end";
        log.info("{}\nnewsflow status, times from the watch's start; {}\n{}\nhealthy for good: {}", copies.describe(),
                outages.stream().map(o -> o.part() + " killed " + StatusWatch.seconds(watchStarted, o.killed())
                        + ", back " + StatusWatch.seconds(watchStarted, o.back())).collect(Collectors.joining("; ")),
                StatusWatch.describe(stretches, watchStarted), healthy);
        report.add(result.row(0, "copies: " + copies.sent() + " sent, " + copies.flagged() + " of " + copies.indexed()
                + " indexed flagged with their original, " + copies.reversed() + " the other way round after a lagging original, "
                + copies.wrong().size() + " wrong; status: "
                + stretches.stream().map(s -> s.brief(watchStarted)).collect(Collectors.joining(" → "))
                + "; healthy for good " + healthy));
    }

    /**
     * Waits until the stream has moved on since the last fault, kills, brings back, and says when each
     * happened and how long the part took to be ready again.
     */
    private static Outage step(Traffic traffic, StatusWatch status, String part, List<String> signs, Runnable kill,
                               Runnable start) {
        int before = traffic.acknowledged();
        await("the stream flows before " + part + " is killed").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> traffic.acknowledged() >= before + traffic.plan().articles() / 40 || traffic.finished());
        log.info("killing {} after {} acknowledged", part, traffic.acknowledged());
        boolean streaming = !traffic.finished();
        Instant killed = Instant.now();
        kill.run();
        awaitShownMissing(status, part, signs, killed);
        Instant restarting = Instant.now();
        start.run();
        return new Outage(part, signs, killed, restarting, Instant.now(), streaming);
    }

    /**
     * Waits until newsflow status has shown the part missing, as an operator would before bringing it back: a
     * broker restarted within seconds is back before the controller has even fenced it (9 s), and its absence
     * could fall between two status runs. Gives up after {@link #SHOWN_WITHIN}; the test then fails on it.
     */
    private static void awaitShownMissing(StatusWatch status, String part, List<String> signs, Instant killed) {
        try {
            await(part + " shown missing").atMost(SHOWN_WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> status.observations().stream().anyMatch(o -> !o.at().isBefore(killed) && o.degradedBy(signs)));
        } catch (ConditionTimeoutException e) {
            log.error("newsflow status did not show {} missing within {}", part, SHOWN_WITHIN);
        }
    }

    /** The copies' verdict once every copy names its original, or as it stands after {@link #MARKED_WITHIN}. */
    private static CopyVerdict copiesOnceMarked(FaultScenario.Result result, IndexedArticles index) {
        Instant start = Instant.now();
        try {
            CopyVerdict verdict = await("every copy marked").atMost(MARKED_WITHIN).pollInterval(Duration.ofSeconds(2))
                    .until(() -> verdict(result, index), CopyVerdict::holds);
            log.info("every copy marked {} ms after the stream was indexed", Duration.between(start, Instant.now()).toMillis());
            return verdict;
        } catch (ConditionTimeoutException e) {
            return verdict(result, index);
        }
    }

    private static CopyVerdict verdict(FaultScenario.Result result, IndexedArticles index) {
        return CopyVerdict.of(result.copies(), index.of(SOURCE).keySet(), index.duplicateOf(SOURCE), index.enrichedAt(SOURCE));
    }

    /** The first healthy status begun after {@code settled}, waited for; empty when none came in time. */
    private static Optional<StatusWatch.Observation> healthyAfter(StatusWatch status, Instant settled) {
        try {
            return await("newsflow status healthy").atMost(HEALTHY_WITHIN).pollInterval(Duration.ofSeconds(1))
                    .until(() -> status.observations().stream().filter(o -> o.at().isAfter(settled) && o.healthy())
                            .findFirst(), Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            log.error("newsflow status not healthy within {} of the end: {}", HEALTHY_WITHIN, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The outages during which no status said DEGRADED for the outage's own reason: between its kill and
     * the next one's (the last: until the end), since a part may still catch up after it is back.
     */
    private static List<String> notShownDegraded(List<Outage> outages, List<StatusWatch.Observation> observed) {
        List<String> unseen = new ArrayList<>();
        for (int i = 0; i < outages.size(); i++) {
            Outage outage = outages.get(i);
            Instant until = i + 1 < outages.size() ? outages.get(i + 1).killed() : Instant.MAX;
            boolean shown = observed.stream().anyMatch(o -> !o.at().isBefore(outage.killed()) && o.at().isBefore(until)
                    && o.degradedBy(outage.signs()));
            if (!shown) {
                unseen.add(outage.part() + " (looked for " + outage.signs() + ")");
            }
        }
        return unseen;
    }
}
