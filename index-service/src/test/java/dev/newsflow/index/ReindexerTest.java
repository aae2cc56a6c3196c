package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReindexerTest {

    @Test
    void theNextVersionFollowsTheHighestExistingOne() {
        assertThat(Reindexer.nextVersion("news", List.of("news-v1"))).isEqualTo("news-v2");
        assertThat(Reindexer.nextVersion("news", List.of("news-v2", "news-v10", "news-v9"))).isEqualTo("news-v11");
        assertThat(Reindexer.nextVersion("news", List.of())).isEqualTo("news-v1");
    }

    @Test
    void otherNamesDoNotCount() {
        assertThat(Reindexer.nextVersion("news", List.of("news-v1", "news-v7-old", "newsroom-v5", "news-vx")))
                .isEqualTo("news-v2");
        assertThat(Reindexer.nextVersion("it.a", List.of("it.a-v3", "itxa-v8"))).isEqualTo("it.a-v4");
    }
}
