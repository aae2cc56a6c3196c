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
import java.util.List;
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

    private final FaultScale scale = FaultScale.current();
    private final FaultReport report = new FaultReport(scale);
    private LocalCluster cluster;
    private Pipeline pipeline;
    private FaultScenario scenarios;

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
        ServiceJvm enrich2 = pipeline.fleet().orElseThrow().instance(FleetService.ENRICH, 2);
        ServiceJvm index2 = pipeline.fleet().orElseThrow().instance(FleetService.INDEX, 2);
        List<String> steps = new ArrayList<>();
        // The node last: it takes longest to come back, and the instances' kills should fall inside the stream.
        FaultScenario.Result result = scenarios.run("cluster: broker, enrich-2, index-2, ES node SIGKILL in turn",
                SOURCE, 4000, traffic -> {
                    Duration slowest = Duration.ZERO;
                    slowest = longest(slowest, step(traffic, steps, "broker " + KILLED_BROKER,
                            () -> cluster.killBroker(KILLED_BROKER), () -> cluster.startBroker(KILLED_BROKER)));
                    slowest = longest(slowest, step(traffic, steps, "enrich-2", enrich2::kill, enrich2::restart));
                    slowest = longest(slowest, step(traffic, steps, "index-2", index2::kill, index2::restart));
                    slowest = longest(slowest, step(traffic, steps, "Elasticsearch node es-" + KILLED_NODE,
                            () -> cluster.killElasticsearchNode(KILLED_NODE), () -> cluster.startElasticsearchNode(KILLED_NODE)));
                    return new FaultScenario.Effect(slowest, String.join("; ", steps));
                });
        report.add(result.row(0, ""));

        assertThat(result.ledger().refusals()).as("refused articles").isEmpty();
        assertThat(result.verdict().holds()).as(result.verdict().describe()).isTrue();
        assertThat(result.verdict().duplicated()).as("indexed more than once").isEmpty();
        assertThat(result.verdict().deadLettered()).as("dead letters").isEmpty();
        assertThat(result.caughtUp()).as("caught up").isPresent();
        assertThat(result.ledger().acknowledged()).as("acknowledged while the faults went on").isPositive();
        assertThat(scenarios.unrecovered()).as("instances that did not recover").isEmpty();
        assertThat(cluster.stoppedServers()).as("brokers and nodes down").isEmpty();
    }

    /**
     * Waits until the stream has moved on since the last fault, kills, brings back, and says how long
     * the part took to be ready again.
     */
    private static Duration step(Traffic traffic, List<String> steps, String part, Runnable kill, Runnable start) {
        int before = traffic.acknowledged();
        await("the stream flows before " + part + " is killed").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> traffic.acknowledged() >= before + traffic.plan().articles() / 40 || traffic.finished());
        log.info("killing {} after {} acknowledged", part, traffic.acknowledged());
        boolean streaming = !traffic.finished();
        kill.run();
        Instant restarting = Instant.now();
        start.run();
        Duration took = Duration.between(restarting, Instant.now());
        steps.add(part + " back in " + took.toSeconds() + " s" + (streaming ? "" : " (killed after the stream ended)"));
        return took;
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
