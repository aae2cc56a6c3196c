package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdTest {

    @Test
    void theIdIsTheStartOfSha256OverSourceAndGuid() {
        // printf 'wire\nurn:1' | sha256sum, first 32 hex digits.
        assertThat(ArticleId.of("wire", "urn:1")).isEqualTo("b147c8fe60b40b88b54eb7039c755b92");
        assertThat(ArticleId.of("wire", "urn:1")).isEqualTo(ArticleId.of("wire", "urn:1"))
                .isNotEqualTo(ArticleId.of("other", "urn:1"));
    }

    @Test
    void withoutAGuidTheUrlStandsInElseTitleAndBody() {
        assertThat(ArticleId.fallbackGuid(" https://example.test/a ", "T", "B")).isEqualTo("https://example.test/a");
        assertThat(ArticleId.fallbackGuid(null, "T", "B")).isEqualTo(ArticleId.fallbackGuid("", " T ", "B\n"))
                .startsWith("sha256:").isNotEqualTo(ArticleId.fallbackGuid(null, "T", "C"));
    }
}
