package dev.newsflow.enrich.dedup;

import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The article versions whose duplicate check is still open: each is held ({@link CopyResolver#PENDING}) with
 * the band answers it has received so far ({@link CopyResolver#TALLIES}) until the last of its bands answers.
 * {@link BandRouter} holds a version as it sends out its band lookups; {@link CopyResolver} adds the answers.
 * Both run in one task (they share these stores), so a version is always held before its first answer comes.
 */
final class HeldVersions {

    private final KeyValueStore<String, PendingArticle> pending;
    private final KeyValueStore<String, AnswerTally> tallies;

    HeldVersions(ProcessorContext<?, ?> context) {
        this.pending = context.getStateStore(CopyResolver.PENDING);
        this.tallies = context.getStateStore(CopyResolver.TALLIES);
    }

    /** Holds version {@code seq} of {@code id} until {@code answers} bands have answered. */
    void hold(String id, long seq, Record<byte[], byte[]> article, int answers) {
        String key = key(id, seq);
        pending.put(key, new PendingArticle(article.value(), article.timestamp(), PendingArticle.store(article.headers()), answers));
        tallies.put(key, AnswerTally.awaiting(answers));
    }

    /**
     * Counts one band's answer. Once the version has all of them it is no longer held, and it comes back with
     * the original they name, if any. An answer for a version nobody holds (none should come) is ignored.
     */
    Optional<Checked> answer(String id, BandAnswer answer) {
        String key = key(id, answer.seq());
        AnswerTally before = tallies.get(key);
        if (before == null) {
            return Optional.empty();
        }
        AnswerTally tally = before.with(answer);
        if (!tally.complete()) {
            tallies.put(key, tally);
            return Optional.empty();
        }
        PendingArticle article = pending.get(key);
        pending.delete(key);
        tallies.delete(key);
        return Optional.ofNullable(article).map(a -> new Checked(a, tally.original()));
    }

    private static String key(String id, long seq) {
        return id + "/" + String.format(Locale.ROOT, "%019d", seq);
    }

    /** A version whose every band has answered, and the original it copies, if any. */
    record Checked(PendingArticle article, Optional<String> original) {

        Headers headers() {
            return article.recordHeaders();
        }
    }
}
