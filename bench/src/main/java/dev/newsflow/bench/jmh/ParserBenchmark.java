package dev.newsflow.bench.jmh;

import dev.newsflow.bench.Corpus;
import dev.newsflow.bench.CorpusGenerator;
import dev.newsflow.ingest.ArticleParser;
import dev.newsflow.ingest.ArticleParsers;
import dev.newsflow.ingest.MediaType;
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
 * ingest-service's parsers on the benchmark corpus: one native JSON article, and an NDJSON batch of
 * 100, through the same {@link ArticleParsers} table the HTTP routes use. Time per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ParserBenchmark {

    private byte[] single;
    private byte[] batch;
    private MediaType json;
    private MediaType ndjson;
    private ArticleParser jsonParser;
    private ArticleParser ndjsonParser;

    @Setup
    public void setUp() {
        Corpus corpus = new CorpusGenerator(42).generate(100);
        single = corpus.json(0);
        batch = corpus.ndjson(0, 100);
        ArticleParsers parsers = ArticleParsers.standard();
        json = parsers.mediaTypeOf("application/json");
        ndjson = parsers.mediaTypeOf("application/x-ndjson");
        jsonParser = parsers.forType(json);
        ndjsonParser = parsers.forType(ndjson);
    }

    @Benchmark
    public Object singleJson() {
        return jsonParser.parse(single, json);
    }

    @Benchmark
    public Object ndjsonBatchOf100() {
        return ndjsonParser.parse(batch, ndjson);
    }
}
