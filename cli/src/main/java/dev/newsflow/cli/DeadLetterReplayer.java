package dev.newsflow.cli;

import dev.newsflow.core.Json;
import dev.newsflow.core.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends dead letters back to the topic their stage reads, each at most once: the replayed records and
 * their ledger entries go out in one Kafka transaction, and a dead letter with a ledger entry is not sent again.
 */
public final class DeadLetterReplayer {

    /** When the record was replayed (ISO-8601), so the stage's logs and a later dead letter can tell. */
    public static final String REPLAYED_AT = "newsflow.replayed.at";
    /** Which dead letter it came from: {@code <dead letter topic>/<partition>@<offset>}. */
    public static final String REPLAYED_FROM = "newsflow.replayed.from";

    private final Topics topics;
    private final Producer<byte[], byte[]> producer;
    private final TopicReader reader;
    private final ReplayLedger ledger;
    private final Clock clock;
    private final String operator;

    /**
     * @param producer a transactional producer, not yet initialised
     * @param operator who runs the replay, for the ledger
     */
    public DeadLetterReplayer(Topics topics, Producer<byte[], byte[]> producer, TopicReader reader, ReplayLedger ledger,
                              Clock clock, String operator) {
        this.topics = topics;
        this.producer = producer;
        this.reader = reader;
        this.ledger = ledger;
        this.clock = clock;
        this.operator = operator;
    }

    /** The topic a stage reads, which is where its dead letters go back to. */
    public static Optional<String> inputTopic(Topics topics, String stage) {
        return switch (stage) {
            case "enrich" -> Optional.of(topics.raw().name());
            case "index" -> Optional.of(topics.enriched().name());
            default -> Optional.empty();
        };
    }

    /**
     * Replays every dead letter that matches and was not replayed before.
     *
     * @throws IllegalStateException when Kafka refuses the transaction; nothing of it was then replayed
     */
    public ReplayResult replay(Predicate<DeadLetter> matches) {
        // Initialising first fences any replay still running elsewhere, so the ledger read next is complete.
        producer.initTransactions();
        Map<String, ReplayEntry> done = ledger.read(reader);
        List<DeadLetter> pending = new ArrayList<>();
        List<ReplayResult.Skipped> skipped = new ArrayList<>();
        int already = 0;
        for (var record : reader.readAll(topics.deadletter().name())) {
            DeadLetter letter = DeadLetter.of(record);
            if (!matches.test(letter)) {
                continue;
            }
            ReplayEntry earlier = done.get(letter.id());
            if (earlier != null && Objects.equals(earlier.key(), letter.keyText())) {
                already++;
                continue;
            }
            whyNot(letter).ifPresentOrElse(reason -> skipped.add(new ReplayResult.Skipped(letter, reason)),
                    () -> pending.add(letter));
        }
        List<ReplayEntry> replayed = pending.isEmpty() ? List.of() : send(pending);
        return new ReplayResult(replayed, skipped, already);
    }

    private Optional<String> whyNot(DeadLetter letter) {
        Optional<String> target = inputTopic(topics, letter.stage());
        if (target.isEmpty()) {
            return Optional.of("stage \"" + letter.stage() + "\" reads no topic this tool knows");
        }
        if (letter.originalTopic() != null && !letter.originalTopic().equals(target.get())) {
            return Optional.of("it came from " + letter.originalTopic() + ", not from " + target.get()
                    + " (is NEWSFLOW_TOPIC_PREFIX right?)");
        }
        if (letter.value() == null) {
            return Optional.of("it has no value to replay");
        }
        return Optional.empty();
    }

    private List<ReplayEntry> send(List<DeadLetter> letters) {
        Instant now = clock.instant();
        String replayedAt = Json.format(now);
        producer.beginTransaction();
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (DeadLetter letter : letters) {
                var headers = new RecordHeaders()
                        .add(REPLAYED_AT, replayedAt.getBytes(StandardCharsets.UTF_8))
                        .add(REPLAYED_FROM, (topics.deadletter().name() + "/" + letter.id()).getBytes(StandardCharsets.UTF_8));
                String target = inputTopic(topics, letter.stage()).orElseThrow();
                sent.add(producer.send(new ProducerRecord<>(target, null, letter.key(), letter.value(), headers)));
            }
            List<ReplayEntry> entries = new ArrayList<>();
            for (int i = 0; i < letters.size(); i++) {
                DeadLetter letter = letters.get(i);
                RecordMetadata metadata = sent.get(i).get();
                ReplayEntry entry = new ReplayEntry(letter.id(), topics.deadletter().name(), letter.stage(), letter.keyText(),
                        metadata.topic(), metadata.partition() + "@" + metadata.offset(), now, operator);
                producer.send(ledger.record(entry));
                entries.add(entry);
            }
            producer.commitTransaction();
            return entries;
        } catch (ProducerFencedException e) {
            // Another replay took over; it aborted ours, and this producer can do nothing more.
            throw new IllegalStateException("another replay started meanwhile and took over; nothing was replayed here", e);
        } catch (ExecutionException | KafkaException e) {
            producer.abortTransaction();
            throw new IllegalStateException("the replay failed and was rolled back: "
                    + (e instanceof ExecutionException ? e.getCause() : e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            producer.abortTransaction();
            throw new IllegalStateException("interrupted; the replay was rolled back", e);
        }
    }
}
