package dev.newsflow.ingest;

import dev.newsflow.core.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Writes articles to the raw topic and returns only once Kafka acknowledged all of them, so a
 * request is answered 202 only for records that are durably stored (DESIGN.md, Delivery guarantees).
 * The producer must be configured with {@code acks=all} and idempotence (see {@link IngestConfig#producerProperties()}).
 */
public final class ArticlePublisher {

    private final Producer<String, RawArticle> producer;
    private final String topic;
    private final Duration timeout;
    private final KafkaBacklog backlog;

    /** @param backlog bounds the records awaiting acknowledgement; a request beyond it is refused unsent */
    public ArticlePublisher(Producer<String, RawArticle> producer, String topic, Duration timeout, KafkaBacklog backlog) {
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
        this.backlog = backlog;
    }

    /**
     * Sends the articles, keyed by id and stamped with their ingest time, and waits for every acknowledgement.
     *
     * @throws PublishException when any send fails or the acknowledgements take longer than the timeout;
     *         some records may then be stored anyway, which a retry makes harmless since ids and versions repeat.
     *         Also, at once and with nothing sent, when the backlog has no room for the articles
     *         ({@link PublishException#backlogFull()})
     */
    public void publish(List<RawArticle> articles) throws PublishException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long[] sizes = articles.stream().mapToLong(ArticlePublisher::approximateBytes).toArray();
        if (!backlog.tryReserve(LongStream.of(sizes).sum())) {
            throw PublishException.backlogFull(backlog.bytes());
        }
        List<Callback> releases = LongStream.of(sizes).mapToObj(backlog::release).toList();
        List<Future<RecordMetadata>> acks = new ArrayList<>(articles.size());
        try {
            for (int i = 0; i < articles.size(); i++) {
                RawArticle article = articles.get(i);
                acks.add(producer.send(new ProducerRecord<>(topic, null, article.ingestedAt().toEpochMilli(),
                        article.id(), article), releases.get(i)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new PublishException("Kafka refused a record: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("Kafka did not acknowledge within " + timeout.toMillis() + "ms", e);
        } catch (KafkaException e) {
            // send() itself throws when metadata cannot be fetched within max.block.ms.
            throw new PublishException("Kafka is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for Kafka", e);
        } finally {
            // A send() that threw, and those after it, never reach the producer's callback; each release is
            // once-only, so freeing them here cannot free twice.
            for (int i = acks.size(); i < articles.size(); i++) {
                releases.get(i).onCompletion(null, null);
            }
        }
    }

    /**
     * A record's size as the backlog counts it: its text fields dominate, the rest is a few hundred
     * bytes of metadata. Characters, not UTF-8 bytes, which is close enough for a bound.
     */
    static long approximateBytes(RawArticle article) {
        return 512L + length(article.title()) + length(article.body()) + length(article.bodyHtml());
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
