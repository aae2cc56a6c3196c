package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.stack.LocalStack;
import dev.newsflow.stack.LocalStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

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
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryUnderFaultsIT {

    private static final String BASELINE = "baseline";

    private final FaultScale scale = FaultScale.current();
    private final FaultReport report = new FaultReport(scale);
    private LocalStack stack;
    private Pipeline pipeline;
    private FaultScenario scenarios;

    @BeforeAll
    void startPipeline(LocalStack stack, @TempDir Path home) {
        this.stack = stack;
        pipeline = Pipeline.start(stack.endpoints(), home, List.of(BASELINE));
        scenarios = new FaultScenario(pipeline, scale);
    }

    @AfterAll
    void stopPipeline() {
        report.publish();
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(0)
    void withoutAFaultEveryAcknowledgedArticleIsIndexedOnce() throws Exception {
        FaultScenario.Result result = scenarios.run("no fault (baseline)", BASELINE, 500,
                traffic -> new FaultScenario.Effect(Duration.ZERO, "none"));
        assertHolds(result, "");
    }

    private void assertHolds(FaultScenario.Result result, String moreNote) {
        report.add(result.row(0, moreNote));
        assertThat(result.ledger().refusals()).as("refused articles").isEmpty();
        assertThat(result.verdict().holds()).as(result.scenario() + ": " + result.verdict().describe()).isTrue();
        assertThat(result.caughtUp()).as(result.scenario() + ": caught up").isPresent();
        assertThat(scenarios.unrecovered()).as("services that did not recover by themselves").isEmpty();
        assertThat(stack.stoppedServers()).as("servers down").isEmpty();
    }
}
