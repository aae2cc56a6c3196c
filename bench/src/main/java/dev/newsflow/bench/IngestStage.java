package dev.newsflow.bench;

import dev.newsflow.stack.Ports;
import dev.newsflow.stack.ServiceJvm;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest over HTTP, one article a request and in NDJSON batches, from several clients at once.
 * Then the corpus goes once more, in batches, into the pipeline topic that the enrich stage reads,
 * so enrich works on the very records ingest wrote.
 */
final class IngestStage {

    private static final Logger log = LoggerFactory.getLogger(IngestStage.class);
    static final String SOURCE = "bench";
    private static final String KEY = "bench-key";
    private static final int WARM_UP = 100;
    /**
     * The batch run sends at least this many articles, going over the corpus again as needed: 2,000
     * articles in batches of 100 are twenty requests, under a second, which measured the JIT's
     * warm-up more than ingest (and ProducerPerformance, its ceiling, sends 20,000 records or more).
     */
    private static final int MIN_BATCH_ARTICLES = 20_000;

    private final BenchContext context;
    private final HttpLoad load = new HttpLoad();

    IngestStage(BenchContext context) {
        this.context = context;
    }

    /** What the stage measured; {@link ProducerCeiling} measures its ceiling. */
    record Result(HttpLoad.Result single, HttpLoad.Result batch, int batchSize) {
    }

    /** Single requests into a throw-away prefix, then the corpus in batches into {@code pipelinePrefix}. */
    Result run(String pipelinePrefix) {
        Corpus corpus = context.corpus();
        int clients = context.settings().clients();
        List<byte[]> singles = new ArrayList<>(corpus.size());
        for (int i = 0; i < corpus.size(); i++) {
            singles.add(corpus.json(i));
        }
        int size = context.settings().batchSize();
        List<byte[]> batches = batches();
        HttpLoad.Result single;
        HttpLoad.Result batch;
        // Both timed runs go to a throw-away prefix on one process, so the batch run finds the JIT and the
        // producer as warm as the single run left them; their records are never read.
        try (ServiceJvm ingest = startIngest("ingest", context.prefix("ingest"))) {
            URI uri = ingest.uri("/v1/articles");
            load.run(clients, Math.min(WARM_UP, singles.size()), i -> post(uri, "application/json", singles.get(i)), 202);
            single = load.run(clients, singles.size(), i -> post(uri, "application/json", singles.get(i)), 202);
            // One untimed pass warms the batch path (NDJSON parsing, large producer batches) as the singles warmed theirs.
            load.run(clients, batches.size(), i -> post(uri, "application/x-ndjson", batches.get(i)), 202);
            int requests = Math.max(batches.size(), MIN_BATCH_ARTICLES / size);
            batch = load.run(clients, requests, i -> post(uri, "application/x-ndjson", batches.get(i % batches.size())), 202);
            log.info("ingest: {} single articles in {} s, {} NDJSON batches in {} s", single.requests(),
                    String.format("%.1f", single.seconds()), batch.requests(), String.format("%.1f", batch.seconds()));
        }
        feed(pipelinePrefix);
        return new Result(single, batch, size);
    }

    /** The corpus once, in batches and untimed, into the raw topic of {@code pipelinePrefix} for the enrich stage. */
    void feed(String pipelinePrefix) {
        List<byte[]> batches = batches();
        try (ServiceJvm ingest = startIngest("ingest-pipeline", pipelinePrefix)) {
            URI uri = ingest.uri("/v1/articles");
            load.run(context.settings().clients(), batches.size(), i -> post(uri, "application/x-ndjson", batches.get(i)), 202);
        }
    }

    /** The corpus as NDJSON request bodies of the batch size. */
    private List<byte[]> batches() {
        Corpus corpus = context.corpus();
        int size = context.settings().batchSize();
        List<byte[]> batches = new ArrayList<>();
        for (int from = 0; from < corpus.size(); from += size) {
            batches.add(corpus.ndjson(from, Math.min(corpus.size(), from + size)));
        }
        return batches;
    }

    private ServiceJvm startIngest(String tag, String prefix) {
        int port = Ports.free();
        Map<String, String> env = context.env(prefix);
        env.put("NEWSFLOW_INGEST_PORT", Integer.toString(port));
        env.put("NEWSFLOW_INGEST_KEYS", SOURCE + ":" + KEY);
        return context.start("ingest-service", tag, "dev.newsflow.ingest.IngestMain", port, env);
    }

    static HttpRequest post(URI uri, String type, byte[] body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", type)
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
