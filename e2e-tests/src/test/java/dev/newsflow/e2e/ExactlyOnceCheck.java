package dev.newsflow.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.IsolationLevel;

/**
 * Checks enrich's exactly-once output for one source: a read_committed consumer of the enriched topic
 * must see each raw record's write (id and version, or a kill) exactly as often as the raw topic holds
 * it, never more (a duplicate) and never fewer (a loss). A near-duplicate is sent again once, marked; that
 * second send is no duplicate, but a second mark of one write, or a mark of a write never sent, is. It also counts the source's records that only
 * read_uncommitted sees, lying before committed ones: output of aborted transactions, the evidence that
 * a kill caught enrich mid-transaction.
 */
final class ExactlyOnceCheck {

    /**
     * @param rawRecords       the source's records on the raw topic
     * @param enrichedRecords  its records on the enriched topic, read_committed
     * @param duplicated       writes the enriched topic holds more often than the raw topic
     * @param missing          writes the enriched topic holds less often (and no dead letter explains)
     * @param abortedRecords   records of aborted transactions on the enriched topic
     */
    record Result(int rawRecords, int enrichedRecords, List<String> duplicated, List<String> missing, int abortedRecords) {
    }

    private final Pipeline pipeline;
    private final String source;

    ExactlyOnceCheck(Pipeline pipeline, String source) {
        this.pipeline = pipeline;
        this.source = source;
    }

    Result run() {
        String bootstrap = pipeline.stack().kafkaBootstrap();
        List<TopicWrites.Write> raw = TopicWrites.of(TopicContents.read(bootstrap, pipeline.topics().raw().name(),
                IsolationLevel.READ_COMMITTED), source);
        List<TopicWrites.Write> enriched = TopicWrites.of(TopicContents.read(bootstrap,
                pipeline.topics().enriched().name(), IsolationLevel.READ_COMMITTED), source);
        Set<String> deadLettered = TopicContents.deadLetterReasons(bootstrap, pipeline.topics().deadletter().name()).keySet();
        Map<String, Integer> balance = new HashMap<>();
        raw.stream().filter(w -> !deadLettered.contains(w.id())).forEach(w -> balance.merge(w.label(), 1, Integer::sum));
        enriched.stream().filter(w -> !w.marked()).forEach(w -> balance.merge(w.label(), -1, Integer::sum));
        Map<String, Integer> marks = new HashMap<>();
        enriched.stream().filter(TopicWrites.Write::marked).forEach(w -> marks.merge(w.label(), 1, Integer::sum));
        List<String> duplicated = new ArrayList<>();
        marks.forEach((label, times) -> {
            if (times > 1 || !balance.containsKey(label)) {
                duplicated.add(label + " marked as a copy " + times + " time(s)" + (balance.containsKey(label) ? "" : " yet never sent"));
            }
        });
        List<String> missing = new ArrayList<>();
        balance.forEach((label, difference) -> {
            if (difference < 0) {
                duplicated.add(label + " enriched " + -difference + " more time(s) than sent");
            } else if (difference > 0) {
                missing.add(label + " enriched " + difference + " fewer time(s) than sent");
            }
        });
        return new Result(raw.size(), enriched.size(), duplicated, missing, abortedRecords());
    }

    /**
     * The source's enriched records of aborted transactions: below the last stable offset (taken before
     * the read_committed pass, which returns every committed record below it) yet not returned by it.
     */
    int abortedRecords() {
        String bootstrap = pipeline.stack().kafkaBootstrap();
        String topic = pipeline.topics().enriched().name();
        List<TopicWrites.Write> all = TopicWrites.of(TopicContents.read(bootstrap, topic, IsolationLevel.READ_UNCOMMITTED), source);
        Map<Integer, Long> stable = TopicContents.lastStableOffsets(bootstrap, topic);
        Set<String> committed = new HashSet<>();
        TopicWrites.of(TopicContents.read(bootstrap, topic, IsolationLevel.READ_COMMITTED), source)
                .forEach(write -> committed.add(write.partition() + "@" + write.offset()));
        return (int) all.stream()
                .filter(write -> write.offset() < stable.getOrDefault(write.partition(), 0L))
                .filter(write -> !committed.contains(write.partition() + "@" + write.offset()))
                .count();
    }
}
