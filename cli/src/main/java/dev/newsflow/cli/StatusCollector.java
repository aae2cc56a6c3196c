package dev.newsflow.cli;

import dev.newsflow.core.Topics;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;

/** Asks Kafka, Elasticsearch and the services for their state and puts it into one report. */
public final class StatusCollector {

    /** How many of the newest dead letters the status screen shows. */
    static final int LATEST_DEAD_LETTERS = 5;

    private final CliConfig config;
    private final Admin admin;
    private final Consumer<byte[], byte[]> consumer;
    private final HttpClient http;
    private final HttpClient elasticsearchHttp;
    private final Clock clock;

    /**
     * @param http              for the services' readiness probes
     * @param elasticsearchHttp for Elasticsearch, trusting its CA when one is configured
     */
    public StatusCollector(CliConfig config, Admin admin, Consumer<byte[], byte[]> consumer, HttpClient http,
                           HttpClient elasticsearchHttp, Clock clock) {
        this.config = config;
        this.admin = admin;
        this.consumer = consumer;
        this.http = http;
        this.elasticsearchHttp = elasticsearchHttp;
        this.clock = clock;
    }

    public StatusReport collect() {
        Topics topics = config.kafka().topics();
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(config.enrichGroup(), topics.raw().name());
        groups.put(config.indexGroup(), topics.enriched().name());
        KafkaStatus kafka = refine(new KafkaProbe(admin, config.kafka().bootstrap(), config.timeout())
                .read(List.of(topics.raw().name(), topics.enriched().name(), topics.deadletter().name()), groups));
        DeadLetterSummary deadLetters = kafka.reachable()
                ? deadLetters(topics.deadletter().name())
                : DeadLetterSummary.unreadable(topics.deadletter().name(), "Kafka is not reachable");
        List<String> existing = kafka.topics().stream().filter(TopicStatus::exists).map(TopicStatus::name).toList();
        Redundancy redundancy = new RedundancyProbe(admin, elasticsearchHttp, config.elasticsearchAuth(), config.timeout())
                .read(kafka.reachable(), existing, config.elasticsearch());
        URI elasticsearch = RedundancyProbe.firstAnswering(config.elasticsearch(), redundancy);
        IndexStatus index = new ElasticsearchProbe(elasticsearchHttp, elasticsearch, config.elasticsearchAuth(), config.timeout())
                .read(config.alias());
        Map<String, List<URI>> checked = new LinkedHashMap<>(config.services());
        checked.keySet().retainAll(config.checkedServices());
        List<ServiceStatus> services = new ServiceProbe(http, config.timeout()).check(checked);
        return new StatusReport(clock.instant(), config.quietAfter(), kafka, deadLetters, index, services, redundancy);
    }

    private KafkaStatus refine(KafkaStatus kafka) {
        if (!kafka.reachable()) {
            return kafka;
        }
        CommittedRecordCounter counter = new CommittedRecordCounter(consumer, config.timeout());
        try {
            List<GroupLag> groups = kafka.groups().stream().map(counter::refine).toList();
            return new KafkaStatus(kafka.bootstrap(), null, kafka.topics(), groups);
        } catch (KafkaException e) {
            // The offset differences are still worth showing; they only overstate the lag a little.
            return kafka;
        }
    }

    private DeadLetterSummary deadLetters(String topic) {
        TopicReader reader = new TopicReader(consumer, config.timeout());
        try {
            Map<String, ReplayEntry> replayed = new ReplayLedger(topic).read(reader);
            List<DeadLetter> letters = reader.readAll(topic).stream().map(DeadLetter::of).toList();
            Map<String, Integer> byStage = new TreeMap<>();
            letters.forEach(letter -> byStage.merge(letter.stage(), 1, Integer::sum));
            int unreplayed = (int) letters.stream().filter(letter -> !replayed.containsKey(letter.id())).count();
            List<DeadLetter> latest = letters.stream()
                    .sorted(Comparator.comparing(DeadLetter::time).reversed())
                    .limit(LATEST_DEAD_LETTERS)
                    .toList();
            return new DeadLetterSummary(topic, null, letters.size(), unreplayed, byStage, latest);
        } catch (KafkaException | IllegalStateException | UncheckedIOException e) {
            return DeadLetterSummary.unreadable(topic, e.getMessage());
        }
    }
}
