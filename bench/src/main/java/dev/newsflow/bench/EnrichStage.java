package dev.newsflow.bench;

import dev.newsflow.core.Json;
import dev.newsflow.core.KafkaSettings;
import dev.newsflow.core.TopicInitializer;
import dev.newsflow.core.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich topology over the raw records ingest wrote, with one stream thread and with one per
 * core, beside its ceiling: the entity tagger alone on the same texts, in as many threads. The
 * tagger is the costliest step by far, so the ratio says how much the rest of the topology
 * (cleaning, keywords, topics, dedup, exactly-once transactions) costs on top. A third run has
 * {@value #INSTANCES} instances of one stream thread each, splitting the partitions as a deployment
 * of several instances does, beside the one instance of one thread.
 *
 * <p>Both are measured twice: articles per second, and articles per CPU second of the whole process
 * (garbage collection, compilation and Kafka's client threads included). On a machine that other
 * work shares, a rate says as much about the neighbours as about the topology; the CPU cost per
 * article hardly moves, so its ratio is the one to compare between runs.
 */
final class EnrichStage {

    private static final Logger log = LoggerFactory.getLogger(EnrichStage.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** How long the output may trail the last committed input: dedup's last rounds, a commit interval. */
    private static final Duration OUTPUT_TIMEOUT = Duration.ofMinutes(2);
    /** The tagger ceiling is timed on this many of the corpus's texts; its rate settles well before. */
    private static final int TAGGER_SAMPLE = 400;
    /** The step costs are timed on this many of the corpus's stories, as web pages. */
    private static final int STEP_SAMPLE = 200;
    /**
     * Articles each side gets before its clock starts, so that both are timed with their hot code
     * compiled: the topology's JVM starts cold, and compiling CoreNLP costs seconds of CPU.
     */
    private static final int WARM_UP = 100;
    /** Instances in the several-instance run: the two, one stream thread each. */
    static final int INSTANCES = 2;

    private final BenchContext context;

    EnrichStage(BenchContext context) {
        this.context = context;
    }

    /**
     * Rates of the topology and of the tagger alone, by thread count, and of {@value #INSTANCES} topology
     * instances of one thread each: per second, and per CPU second.
     */
    record Result(int cores, Rate topologyOne, Rate topologyAll, Rate topologyInstances, Rate taggerOne,
                  Rate taggerAll, long records, int meanRawBytes, StepCosts steps) {
    }

    /**
     * How fast one run went.
     *
     * @param perSecond    articles per second of wall-clock time
     * @param perCpuSecond articles per CPU second of the process that did the work
     */
    record Rate(double perSecond, double perCpuSecond) {
    }

    Result run(String pipelinePrefix) {
        int cores = Runtime.getRuntime().availableProcessors();
        String raw = Topics.withPrefix(pipelinePrefix).raw().name();
        TopicRecords topics = new TopicRecords(context.stack().kafkaBootstrap());
        List<ConsumerRecord<byte[], byte[]>> rawRecords = topics.readAll(raw);
        int meanRawBytes = (int) rawRecords.stream().mapToLong(r -> r.value().length).average().orElse(0);
        // The later runs need their own copies of the input: their output must not mix with the first run's,
        // which the index stage reads.
        String instancesPrefix = copy("enrich-instances", rawRecords, topics);
        String allPrefix = copy("enrich-all", rawRecords, topics);

        Rate one = topology("enrich-1-thread", pipelinePrefix, 1, 1, rawRecords.size());
        // Right after the one instance it is compared with, so that both meet the same neighbours.
        Rate instances = topology("enrich-" + INSTANCES + "-instances", instancesPrefix, INSTANCES, 1, rawRecords.size());
        Rate all = topology("enrich-" + cores + "-threads", allPrefix, 1, cores, rawRecords.size());
        List<String> texts = texts();
        TaggerProbe.load();
        tagAll(texts.subList(0, Math.min(WARM_UP, texts.size())), 1);
        Rate taggerOne = tagAll(texts, 1);
        Rate taggerAll = tagAll(texts, cores);
        log.info("enrich: topology {} / {} / {} articles/s (1 / {} threads / {} instances), tagger alone {} / {}; per CPU "
                        + "second: topology {} / {} / {}, tagger alone {} / {}", round(one.perSecond()),
                round(all.perSecond()), round(instances.perSecond()), cores, INSTANCES, round(taggerOne.perSecond()),
                round(taggerAll.perSecond()), round(one.perCpuSecond()), round(all.perCpuSecond()),
                round(instances.perCpuSecond()), round(taggerOne.perCpuSecond()), round(taggerAll.perCpuSecond()));
        StepCosts steps = StepCosts.measure(context.corpus().articles(), STEP_SAMPLE);
        log.info("enrich steps on {} web pages, ms per article: {}", steps.articles(), steps.meanMillis());
        return new Result(cores, one, all, instances, taggerOne, taggerAll, rawRecords.size(), meanRawBytes, steps);
    }

    /** A copy of the raw records on the topics of a new prefix, partition for partition; answers the prefix. */
    private String copy(String name, List<ConsumerRecord<byte[], byte[]>> rawRecords, TopicRecords topics) {
        String prefix = context.prefix(name);
        TopicInitializer.ensure(context.admin(), settings(prefix), Duration.ofSeconds(30));
        String raw = Topics.withPrefix(prefix).raw().name();
        topics.write(raw, rawRecords.stream().map(r -> new ProducerRecord<>(raw, r.partition(), r.timestamp(), r.key(),
                r.value(), r.headers())).toList());
        return prefix;
    }

    /**
     * Times {@code instances} enrich-service JVMs of {@code threads} stream threads each, one application
     * id, through the raw topic of {@code prefix}; per CPU second counts all of them.
     */
    private Rate topology(String tag, String prefix, int instances, int threads, long records) {
        String appId = context.name(tag);
        String raw = Topics.withPrefix(prefix).raw().name();
        long started = System.nanoTime();
        try (EnrichInstances enrich = EnrichInstances.start(context, tag, prefix, appId, instances, threads)) {
            AtomicReference<Double> cpuAtWindowStart = new AtomicReference<>();
            StageTiming timing = context.progress().await(appId, raw, records, started, TIMEOUT,
                    windowStart(appId, raw, instances, records), () -> cpuAtWindowStart.set(enrich.cpuSeconds()));
            double cpuSeconds = enrich.cpuSeconds() - cpuAtWindowStart.get();
            double perCpuSecond = (records - timing.firstCommitted()) / cpuSeconds;
            // The service keeps running meanwhile: the dedup step may still be working through its last records.
            awaitOutput(tag, prefix, records);
            log.info("{}: {} records, {} articles/s after the warm-up ({} per CPU second), {} from the process start",
                    tag, records, round(timing.steadyRate()), round(perCpuSecond), round(timing.overallRate()));
            return new Rate(timing.steadyRate(), perCpuSecond);
        }
    }

    /**
     * The committed count that opens the timed window: {@link #WARM_UP} articles per instance (each JVM
     * compiles its own hot code) after every instance is ready. An instance that became ready first may
     * have worked alone until the others joined; that part is start-up, not the instances' rate.
     */
    private long windowStart(String appId, String raw, int instances, long records) {
        long atReady = context.progress().committed(appId, raw);
        return Math.min(atReady + Math.min((long) WARM_UP * instances, records / 4), records - 1);
    }

    /**
     * Waits until each raw record has its result where the index service will read it, with
     * {@code read_committed}: an enriched article or tombstone, or a dead letter. The stage is timed
     * by the raw topic's committed offsets, and exactly-once commits them with the output in one
     * transaction, so output that stays invisible means the transactions did not work as promised.
     * A near-duplicate's second send, marked with {@code duplicate_of} once its check has ended, is no
     * record's result of its own and is not counted.
     */
    private void awaitOutput(String tag, String prefix, long records) {
        Topics topics = Topics.withPrefix(prefix);
        TopicRecords reader = new TopicRecords(context.stack().kafkaBootstrap());
        long results;
        try {
            results = Awaitility.await(tag + " output").atMost(OUTPUT_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> firstSends(reader.readAll(topics.enriched().name()))
                            + reader.readAll(topics.deadletter().name()).size(), n -> n >= records);
        } catch (ConditionTimeoutException e) {
            KafkaProgress progress = context.progress();
            String enriched = topics.enriched().name();
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: %d raw records, but %s holds %d records for "
                            + "read_committed readers and %d dead letters after %d s; its end offsets are %d, its last "
                            + "stable offsets %d", tag, records, enriched, reader.readAll(enriched).size(),
                    reader.readAll(topics.deadletter().name()).size(), OUTPUT_TIMEOUT.toSeconds(),
                    progress.endOffsets(enriched, IsolationLevel.READ_UNCOMMITTED),
                    progress.endOffsets(enriched, IsolationLevel.READ_COMMITTED)), e);
        }
        if (results != records) {
            throw new IllegalStateException(tag + ": " + records + " raw records gave " + results
                    + " enriched records and dead letters; exactly-once promises one each");
        }
    }

    private static long firstSends(List<ConsumerRecord<byte[], byte[]>> enriched) {
        return enriched.stream().filter(r -> !markedCopy(r)).count();
    }

    private static boolean markedCopy(ConsumerRecord<byte[], byte[]> record) {
        try {
            return record.value() != null && Json.mapper().readTree(record.value()).hasNonNull("duplicate_of");
        } catch (IOException e) {
            throw new UncheckedIOException("an enriched record is not JSON", e);
        }
    }

    /** The texts the tagger sees in the enricher: headline, then body. */
    private List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (CorpusArticle article : context.corpus().articles().subList(0, Math.min(TAGGER_SAMPLE, context.corpus().size()))) {
            texts.add(article.title() + "\n" + article.body());
        }
        return texts;
    }

    /**
     * Texts per second through the shared tagger in {@code threads} threads, and per CPU second of this
     * process, which does nothing else meanwhile.
     */
    private static Rate tagAll(List<String> texts, int threads) {
        long self = ProcessHandle.current().pid();
        double cpuBefore = ProcessUsage.of(self).cpuSeconds();
        double seconds = ParallelWork.run(threads, texts.size(), "the tagger", i -> TaggerProbe.tag(texts.get(i)));
        double cpuSeconds = ProcessUsage.of(self).cpuSeconds() - cpuBefore;
        return new Rate(texts.size() / seconds, texts.size() / cpuSeconds);
    }

    private KafkaSettings settings(String prefix) {
        return new KafkaSettings(context.stack().kafkaBootstrap(), prefix, BenchContext.PARTITIONS, (short) 1);
    }

    private static long round(double value) {
        return Math.round(value);
    }
}
