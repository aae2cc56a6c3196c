package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.newsflow.core.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {

    static RawArticle article(String id) {
        return RawArticle.builder().id(id).source("reuters").guid("g-" + id).version(1).contentType("text/plain")
                .body("body " + id).ingestedAt(Instant.parse("2024-05-01T12:00:00.123Z")).build();
    }

    private static MockProducer<String, RawArticle> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), (topic, value) -> new byte[0]);
    }

    /** A publisher whose backlog never fills, for the tests about something else. */
    private static ArticlePublisher publisher(MockProducer<String, RawArticle> producer, Duration timeout) {
        return new ArticlePublisher(producer, "raw", timeout, new KafkaBacklog(Long.MAX_VALUE / 2));
    }

    @Test
    void sendsEachArticleKeyedByIdStampedWithItsIngestTime() throws PublishException {
        MockProducer<String, RawArticle> producer = producer(true);

        publisher(producer, Duration.ofSeconds(1)).publish(List.of(article("a"), article("b")));

        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a", "b");
        ProducerRecord<String, RawArticle> first = producer.history().getFirst();
        assertThat(first.topic()).isEqualTo("raw");
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123Z").toEpochMilli());
        assertThat(first.value()).isEqualTo(article("a"));
    }

    @Test
    void returnsOnlyAfterEveryAcknowledgement() {
        MockProducer<String, RawArticle> producer = producer(false);
        ArticlePublisher publisher = publisher(producer, Duration.ofSeconds(30));

        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                publisher.publish(List.of(article("a"), article("b")));
            } catch (PublishException e) {
                throw new IllegalStateException(e);
            }
        });
        await().until(() -> producer.history().size() == 2);
        producer.completeNext();

        assertThat(done).isNotDone();
        producer.completeNext();
        await().until(done::isDone);
        assertThat(done).isCompleted();
    }

    @Test
    void failsWhenKafkaRefusesARecord() {
        MockProducer<String, RawArticle> producer = producer(false);
        ArticlePublisher publisher = publisher(producer, Duration.ofSeconds(30));

        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                publisher.publish(List.of(article("a")));
            } catch (PublishException e) {
                assertThat(e.tooLarge()).isFalse();
                throw new IllegalStateException(e);
            }
        });
        await().until(() -> producer.history().size() == 1);
        producer.errorNext(new TimeoutException("broker gone"));

        await().until(done::isDone);
        assertThat(done).isCompletedExceptionally();
    }

    @Test
    void failsWhenAcknowledgementsOutlastTheTimeout() {
        ArticlePublisher publisher = publisher(producer(false), Duration.ofMillis(100));

        assertThatThrownBy(() -> publisher.publish(List.of(article("a"))))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("did not acknowledge within 100ms");
    }

    @Test
    void tellsARecordKafkaFindsTooLarge() {
        MockProducer<String, RawArticle> producer = producer(true);
        producer.sendException = new RecordTooLargeException("too big");

        assertThatThrownBy(() -> publisher(producer, Duration.ofSeconds(1)).publish(List.of(article("a"))))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.tooLarge()).isTrue());
    }

    @Test
    void refusesAtOnceAndSendsNothingWhileTheBacklogIsFull() {
        MockProducer<String, RawArticle> producer = producer(false);
        KafkaBacklog backlog = new KafkaBacklog(2 * ArticlePublisher.approximateBytes(article("a")));
        ArticlePublisher publisher = new ArticlePublisher(producer, "raw", Duration.ofMillis(100), backlog);
        assertThatThrownBy(() -> publisher.publish(List.of(article("a"), article("b"))))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.backlogFull()).isFalse());

        assertThatThrownBy(() -> publisher.publish(List.of(article("c"))))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.backlogFull()).isTrue());
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a", "b");

        producer.completeNext();
        producer.errorNext(new TimeoutException("expired"));
        assertThat(backlog.bytes()).as("acknowledged and failed records both leave the backlog").isZero();
    }

    @Test
    void aSendThatThrowsLeavesNothingInTheBacklog() {
        MockProducer<String, RawArticle> producer = producer(true);
        producer.sendException = new KafkaException("closed");
        KafkaBacklog backlog = new KafkaBacklog(Long.MAX_VALUE / 2);

        assertThatThrownBy(() -> new ArticlePublisher(producer, "raw", Duration.ofSeconds(1), backlog)
                .publish(List.of(article("a"), article("b"))))
                .isInstanceOf(PublishException.class);
        assertThat(backlog.bytes()).isZero();
    }
}
