package dev.newsflow.e2e;

import dev.newsflow.stack.LocalStack;
import dev.newsflow.stack.LocalStackExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every fault test class shares: the three services started once as a {@link Pipeline} on the
 * test run's Kafka and Elasticsearch for the class's feed sources, the scale it runs at, and the
 * report its rows join (written when the class ends).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineFaultTest {

    protected final FaultScale scale = FaultScale.current();
    protected final FaultReport report = new FaultReport(scale);
    protected LocalStack stack;
    protected Pipeline pipeline;
    protected FaultScenario scenarios;

    /** The feed sources the class sends as, one per scenario so each check sees only its own ids. */
    abstract List<String> sources();

    /** Environment added to the services' own; none unless a class needs a setting of its own. */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void startPipeline(LocalStack stack, @TempDir Path home) {
        this.stack = stack;
        pipeline = Pipeline.start(stack.endpoints(), home, sources(), settings());
        scenarios = new FaultScenario(pipeline, scale);
    }

    @AfterAll
    void stopPipeline() {
        report.publish();
        if (pipeline != null) {
            pipeline.close();
        }
    }
}
