package dev.newsflow.bench;

import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.Enricher;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What each enrichment step costs per article, in this process on one thread: the corpus's stories
 * sent as web pages ({@code text/html}, so article extraction runs) without subject codes (so the
 * topic model runs), timed by the enricher's own step timer, the one the service exports. The
 * budget the bench checks: extraction and topics together add at most 30% to the entity step,
 * which is the tagger and what follows it.
 *
 * @param meanMillis mean milliseconds per article of each step ("clean" is extraction, "entities" the tagger's step)
 * @param articles   how many articles were timed, after as many again for warm-up
 */
record StepCosts(Map<String, Double> meanMillis, int articles) {

    /** The steps that the budget counts against the entity step. */
    static final List<String> BUDGETED = List.of("clean", "topics");
    private static final int OTHER_STORIES_LISTED = 8;
    private static final Instant INGESTED = Instant.parse("2025-03-01T06:00:00Z");

    /** Times every step over {@code articles} pages after warming up on as many. */
    static StepCosts measure(List<CorpusArticle> corpus, int articles) {
        List<RawArticle> pages = pages(corpus, articles);
        Enricher warmUp = Enricher.standard();
        pages.forEach(warmUp::enrich);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Enricher timed = Enricher.timed(registry);
        pages.forEach(timed::enrich);
        Map<String, Double> means = new TreeMap<>();
        for (Timer timer : registry.find("newsflow.enrich.step").timers()) {
            means.put(timer.getId().getTag("step"), timer.mean(TimeUnit.MICROSECONDS) / 1000);
        }
        return new StepCosts(means, pages.size());
    }

    /** Milliseconds per article of the steps the budget counts (extraction and topics). */
    double budgetedMillis() {
        return BUDGETED.stream().mapToDouble(step -> meanMillis.getOrDefault(step, 0.0)).sum();
    }

    /** Milliseconds per article of the entity step. */
    double entityMillis() {
        return meanMillis.getOrDefault("entities", Double.NaN);
    }

    private static List<RawArticle> pages(List<CorpusArticle> corpus, int articles) {
        List<CorpusArticle> originals = corpus.stream()
                .filter(a -> a.kind() == CorpusArticle.Kind.ORIGINAL).limit(articles).toList();
        return originals.stream().map(a -> {
            int at = originals.indexOf(a);
            List<CorpusArticle> others = originals.subList(at + 1, Math.min(originals.size(), at + 1 + OTHER_STORIES_LISTED));
            return RawArticle.builder().id("page-" + a.guid()).source("bench").guid(a.guid()).version(a.version())
                    .contentType("text/html").bodyHtml(CorpusPage.of(a, others)).ingestedAt(INGESTED).build();
        }).toList();
    }
}
