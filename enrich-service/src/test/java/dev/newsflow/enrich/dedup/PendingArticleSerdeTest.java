package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.enrich.dedup.PendingArticle.StoredHeader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PendingArticleSerdeTest {

    private final PendingArticleSerde serde = new PendingArticleSerde();

    @Test
    void aHeldArticleComesBackAsItWasStored() {
        byte[] article = "{\"id\":\"a1\",\"body\":\"Storm floods coastal towns\"}".getBytes(StandardCharsets.UTF_8);
        PendingArticle held = new PendingArticle(article, 1_714_554_000_000L,
                List.of(new StoredHeader("newsflow.fingerprint", new byte[] {1, 2, 3}), new StoredHeader("empty", null)), 16);

        PendingArticle back = roundTrip(held);

        assertThat(back.value()).isEqualTo(article);
        assertThat(back.timestamp()).isEqualTo(held.timestamp());
        assertThat(back.expectedAnswers()).isEqualTo(16);
        assertThat(back.headers()).hasSize(2);
        assertThat(back.headers().get(0).key()).isEqualTo("newsflow.fingerprint");
        assertThat(back.headers().get(0).value()).containsExactly(1, 2, 3);
        assertThat(back.headers().get(1).value()).isNull();
    }

    @Test
    void aTombstoneStaysATombstone() {
        assertThat(roundTrip(new PendingArticle(null, 5L, List.of(), 0)).value()).isNull();
    }

    @Test
    void aLargeArticleCostsItsOwnSizeNotABase64Third() {
        byte[] article = new byte[4 * 1024 * 1024];
        Arrays.fill(article, (byte) 'x');

        byte[] stored = serde.serializer().serialize("changelog", new PendingArticle(article, 1L, List.of(), 16));

        assertThat(stored.length).isLessThan(article.length + 64);
    }

    @Test
    void bytesThatAreNotAHeldArticleAreASerializationError() {
        byte[] stored = serde.serializer().serialize("changelog", new PendingArticle(new byte[] {1, 2}, 1L, List.of(), 1));

        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", Arrays.copyOf(stored, stored.length - 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not a held article");
        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", new byte[] {0, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("ends early");
    }

    private PendingArticle roundTrip(PendingArticle held) {
        return serde.deserializer().deserialize("changelog", serde.serializer().serialize("changelog", held));
    }
}
