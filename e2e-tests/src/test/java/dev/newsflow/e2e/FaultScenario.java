package dev.newsflow.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The course every fault scenario takes: a stream of articles starts, the fault is injected once a
 * share of it was acknowledged, the stream goes on to its end, and then the pipeline is given time to
 * catch up on its own until the invariant holds for everything acknowledged. It measures; the test
 * asserts, after the row is in the report, so a failing scenario still shows its figures.
 */
final class FaultScenario {

    private static final Logger log = LoggerFactory.getLogger(FaultScenario.class);
    private static final int CLIENTS = 4;
    private static final int PER_SECOND = 20;
    /** Longer than any outage here, so a request held up by a fault is retried to its end rather than given up. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);
    private static final Duration CATCH_UP = Duration.ofMinutes(4);

    /** What a fault did: how long the faulted part took to answer again after it ended, and the evidence it was real. */
    record Effect(Duration readyAgain, String note) {
    }

    /** A fault, injected while the stream runs; returns once it is over (the server or service restarted). */
    @FunctionalInterface
    interface Fault {
        Effect inject(Traffic traffic) throws Exception;
    }

    /**
     * What a scenario left: the ledger, the last verdict, when the invariant first held after the
     * fault ended (empty if it never did within the patience), and the near-duplicate copies sent.
     */
    record Result(String scenario, Ledger ledger, Verdict verdict, Effect effect, Optional<Duration> caughtUp,
                  List<StoryCopy> copies) {

        Result {
            copies = List.copyOf(copies);
        }

        ScenarioReport row(int moreDuplicates, String moreNote) {
            String note = moreNote.isEmpty() ? effect.note() : effect.note() + "; " + moreNote;
            return new ScenarioReport(scenario, ledger.sent(), ledger.acknowledged(), verdict.indexed(),
                    verdict.deadLettered().size(), verdict.lost(), verdict.duplicated().size() + moreDuplicates,
                    effect.readyAgain(), caughtUp.orElse(Duration.ZERO), caughtUp.isPresent() ? note : note + "; NEVER CAUGHT UP");
        }
    }

    private final Pipeline pipeline;
    private final FaultScale scale;

    FaultScenario(Pipeline pipeline, FaultScale scale) {
        this.pipeline = pipeline;
        this.scale = scale;
    }

    /**
     * Sends {@code ciArticles} (times the scale) as {@code source}, injects the fault once a fifth of them
     * were acknowledged, and waits for the stream to end and the pipeline to catch up.
     */
    Result run(String scenario, String source, int ciArticles, Fault fault) throws Exception {
        return run(scenario, source, ciArticles, 0, fault);
    }

    /**
     * Like {@link #run(String, String, int, Fault)}, and {@code copyShare} of the new stories are re-sent as
     * near-duplicates, each once its original is searchable ({@link CopyDesk}).
     */
    Result run(String scenario, String source, int ciArticles, double copyShare, Fault fault) throws Exception {
        int articles = scale.articles(ciArticles);
        Ledger ledger = new Ledger();
        Traffic.Plan plan = new Traffic.Plan(source, articles, PER_SECOND, CLIENTS, source.hashCode(), GIVE_UP_AFTER,
                copyShare);
        IndexedArticles index = new IndexedArticles(new ElasticsearchHttp(pipeline.stack().elasticsearchUrl()), pipeline.alias());
        Effect effect;
        Instant faultEnded;
        List<StoryCopy> copies;
        try (Traffic traffic = Traffic.start(pipeline.ingest(), pipeline.key(source), plan, ledger, index::searchable)) {
            await(scenario + ": a fifth of the stream acknowledged").atMost(scale.patience(Duration.ofMinutes(3)))
                    .pollInterval(Duration.ofMillis(200)).until(() -> ledger.acknowledged() >= articles / 5);
            log.info("{}: injecting the fault after {} acknowledged", scenario, ledger.acknowledged());
            effect = fault.inject(traffic);
            faultEnded = Instant.now();
            log.info("{}: fault over ({}); stream goes on", scenario, effect.note());
            traffic.awaitFinished(scale.patience(Duration.ofMinutes(5)));
            // The copies wait for their originals, that is for the pipeline to catch up: as long as the check below
            // may. Caught up then counts until the copies too are where they belong.
            if (!traffic.awaitCopies(scale.patience(CATCH_UP))) {
                log.warn("{}: {} copies not sent, their originals not searchable within {}", scenario,
                        traffic.copiesHeld(), scale.patience(CATCH_UP));
            }
            copies = traffic.copiesSent();
        }
        InvariantCheck check = new InvariantCheck(pipeline, source, ledger);
        AtomicReference<Verdict> last = new AtomicReference<>();
        Optional<Duration> caughtUp;
        try {
            await(scenario + ": every acknowledged article where it belongs").atMost(scale.patience(CATCH_UP))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> last.updateAndGet(previous -> check.run()).holds());
            caughtUp = Optional.of(Duration.between(faultEnded, Instant.now()));
        } catch (ConditionTimeoutException e) {
            log.error("{}: the invariant did not hold within {}: {}", scenario, scale.patience(CATCH_UP), e.getMessage());
            caughtUp = Optional.empty();
        }
        Verdict verdict = last.get() == null ? check.run() : last.get();
        log.info("{}: {}", scenario, verdict.describe());
        return new Result(scenario, ledger, verdict, effect, caughtUp, copies);
    }

    /** The services that were not restarted by the test are still running and ready: they recovered by themselves. */
    List<String> unrecovered() {
        return pipeline.services().stream()
                .filter(service -> !service.alive() || !service.ready())
                .map(service -> service.name() + (service.alive() ? " not ready" : " exited"))
                .toList();
    }
}
