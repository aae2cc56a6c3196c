package dev.newsflow.bench.jmh;

import dev.newsflow.bench.Corpus;
import dev.newsflow.bench.CorpusArticle;
import dev.newsflow.bench.CorpusGenerator;
import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.bench.TaggerProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The enrichment steps on the benchmark corpus's articles, one article per call, cycling through
 * 50 of them: the entity tagger alone and the whole {@link Enricher} (which includes it), so the
 * difference is what cleaning, keywords, topics and the entity resolver add.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class EnrichStepsBenchmark {

    private static final int ARTICLES = 50;

    private final List<String> texts = new ArrayList<>();
    private final List<RawArticle> raws = new ArrayList<>();
    private Enricher enricher;
    private int next;

    @Setup
    public void setUp() {
        Corpus corpus = new CorpusGenerator(42).generate(ARTICLES);
        for (CorpusArticle a : corpus.articles()) {
            texts.add(a.title() + "\n" + a.body());
            raws.add(RawArticle.builder().id("id-" + raws.size()).source("bench").guid(a.guid()).version(a.version())
                    .contentType("application/json").title(a.title()).body(a.body()).language(a.language())
                    .byline(a.byline()).publishedAt(a.publishedAt()).subjects(a.subjects())
                    .ingestedAt(Instant.parse("2025-03-01T06:00:00Z")).build());
        }
        TaggerProbe.load();
        enricher = Enricher.standard();
    }

    @Benchmark
    public int tagger() {
        next = (next + 1) % ARTICLES;
        return TaggerProbe.tag(texts.get(next));
    }

    @Benchmark
    public Object enricher() {
        next = (next + 1) % ARTICLES;
        return enricher.enrich(raws.get(next));
    }
}
