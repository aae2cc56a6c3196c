package dev.newsflow.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All three services on the machine at once: first the sustained rate (the corpus offered as fast
 * as ingest takes it, timed by when articles become searchable), then the latency from 202 to
 * searchable at the fixed offered rate and just below that sustained maximum.
 */
final class EndToEndStage {

    private static final Logger log = LoggerFactory.getLogger(EndToEndStage.class);
    static final List<String> SOURCES = List.of("e2e-max", "e2e-fixed", "e2e-peak");
    /** Each latency run offers this long a stretch of articles (fewer when the corpus is smaller). */
    private static final int RUN_SECONDS = 30;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(8);
    /** The share of the sustained rate offered in the second latency run. */
    static final double PEAK_SHARE = 0.8;

    private final BenchContext context;

    EndToEndStage(BenchContext context) {
        this.context = context;
    }

    /** The sustained rate, and latencies at the fixed rate and at {@link #PEAK_SHARE} of the sustained one. */
    record Result(double sustained, double fixedRate, Split atFixed, double peakRate, Split atPeak, long articles) {
    }

    /**
     * Latencies from 202 to searchable, the part of them until the article was readable on the
     * enriched topic, and per article the rest (the indexer's bulk and Elasticsearch's refresh).
     */
    record Split(Latencies searchable, Latencies enriched, Latencies indexed) {
    }

    Result run(Pipeline pipeline) {
        try (SearchableWatcher watcher = new SearchableWatcher(context.stack().elasticsearchUrl(), pipeline.alias(),
                SOURCES);
             EnrichedWatcher enriched = new EnrichedWatcher(context.stack().kafkaBootstrap(), pipeline.enrichedTopic())) {
            URI ingest = pipeline.ingestUri();
            Corpus corpus = context.corpus();
            int size = context.settings().batchSize();
            List<HttpRequest> batches = new ArrayList<>();
            for (int from = 0; from < corpus.size(); from += size) {
                batches.add(post(ingest, "e2e-max", "application/x-ndjson", corpus.ndjson(from, Math.min(corpus.size(), from + size))));
            }
            // The whole corpus at once: ingest answers within seconds, the rest of the pipeline drains the backlog.
            Map<String, Long> accepted = new PacedSender().send(batches, 1e9);
            awaitSearchable(watcher, accepted);
            double sustained = sustainedRate(watcher.firstSeen(), accepted);
            log.info("end to end: {} articles, sustained {} articles/s", accepted.size(), Math.round(sustained));

            double fixed = context.settings().rate();
            awaitQuiet(pipeline);
            Split atFixed = split(send(watcher, singles(ingest, "e2e-fixed", fixed, 1), fixed), watcher, enriched, fixed);
            // Offered at exactly the measured capacity the queue never drains and latency grows for as
            // long as the run lasts; at 80% of it the pipeline keeps up, with headroom for a burst.
            double peak = Math.max(1, Math.floor(PEAK_SHARE * sustained));
            awaitQuiet(pipeline);
            Split atPeak = split(send(watcher, singles(ingest, "e2e-peak", peak, 2), peak), watcher, enriched, peak);
            long articles = corpus.size() + (long) count(fixed) + count(peak);
            return new Result(sustained, fixed, atFixed, peak, atPeak, articles);
        }
    }

    /**
     * Waits until enrich has read everything on its topics. An article is searchable before its duplicate check
     * ends, so after a flood dedup's internal topics still hold work for seconds; a latency run started then
     * would measure the leftover of the run before it, not its own rate.
     */
    private void awaitQuiet(Pipeline pipeline) {
        KafkaProgress progress = context.progress();
        long start = System.nanoTime();
        long unread = progress.unread(pipeline.enrichGroup());
        Awaitility.await("enrich has read all its topics").atMost(DRAIN_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> progress.unread(pipeline.enrichGroup()) == 0);
        log.info("end to end: enrich had {} records left on its topics, read in {} ms", unread,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Sends the requests at the rate and waits until each accepted article is searchable; when each was accepted. */
    private static Map<String, Long> send(SearchableWatcher watcher, List<HttpRequest> requests, double rate) {
        Map<String, Long> accepted = new PacedSender().send(requests, rate);
        awaitSearchable(watcher, accepted);
        return accepted;
    }

    private static Split split(Map<String, Long> accepted, SearchableWatcher searchable, EnrichedWatcher enriched,
                               double rate) {
        Split split = new Split(since(accepted, searchable.firstSeen()), since(accepted, enriched.firstSeen()),
                between(accepted.keySet(), enriched.firstSeen(), searchable.firstSeen()));
        log.info("end to end at {}/s: 202 to searchable {}; 202 to enriched {}; enriched to searchable {}", rate,
                split.searchable(), split.enriched(), split.indexed());
        long first = accepted.values().stream().mapToLong(Long::longValue).min().orElse(0);
        accepted.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getValue() - searchable.firstSeen().get(e.getKey())))
                .limit(8)
                .forEach(e -> log.info("slow: {} accepted {} ms into the run, enriched after {} ms, searchable after {} ms",
                        e.getKey(), (e.getValue() - first) / 1_000_000,
                        (enriched.firstSeen().getOrDefault(e.getKey(), 0L) - e.getValue()) / 1_000_000,
                        (searchable.firstSeen().get(e.getKey()) - e.getValue()) / 1_000_000));
        return split;
    }

    /** For each of the articles, from the moment {@code from} saw it until {@code to} did. */
    private static Latencies between(Set<String> ids, Map<String, Long> from, Map<String, Long> to) {
        List<Long> nanos = new ArrayList<>();
        for (String id : ids) {
            if (from.containsKey(id) && to.containsKey(id)) {
                nanos.add(to.get(id) - from.get(id));
            }
        }
        return Latencies.ofNanos(nanos);
    }

    /** From each article's 202 until it was first seen. */
    private static Latencies since(Map<String, Long> accepted, Map<String, Long> firstSeen) {
        return between(accepted.keySet(), accepted, firstSeen);
    }

    /**
     * One request per article, {@link #RUN_SECONDS} worth at the rate. Each latency run has stories of its own
     * (the corpus seed plus {@code run}): the corpus sent again under another source would make every story a
     * near-duplicate of one already indexed, where a wire has about one in twelve.
     */
    private List<HttpRequest> singles(URI ingest, String source, double rate, int run) {
        List<HttpRequest> requests = new ArrayList<>();
        Corpus stories = new CorpusGenerator(context.settings().seed() + run).generate(count(rate));
        for (int i = 0; i < stories.size(); i++) {
            requests.add(post(ingest, source, "application/json", stories.json(i)));
        }
        return requests;
    }

    private int count(double rate) {
        return (int) Math.min(context.corpus().size(), Math.round(rate * RUN_SECONDS));
    }

    private static void awaitSearchable(SearchableWatcher watcher, Map<String, Long> accepted) {
        Awaitility.await("every accepted article searchable").atMost(DRAIN_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> watcher.firstSeen().keySet().containsAll(accepted.keySet()));
    }

    /**
     * Articles per second from the first 202 until 90% of the articles were searchable: the last
     * tenth is left out because it waits on one more bulk flush and refresh, not on throughput.
     */
    static double sustainedRate(Map<String, Long> firstSeen, Map<String, Long> accepted) {
        long[] seen = accepted.keySet().stream().mapToLong(firstSeen::get).toArray();
        long start = accepted.values().stream().mapToLong(Long::longValue).min().orElse(0);
        Arrays.sort(seen);
        int count = (int) Math.ceil(seen.length * 0.9);
        if (count == 0 || seen[count - 1] <= start) {
            return Double.NaN;
        }
        return count / ((seen[count - 1] - start) / 1e9);
    }

    private static HttpRequest post(URI uri, String source, String type, byte[] body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", type)
                .header("Authorization", "Bearer " + Pipeline.key(source))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
