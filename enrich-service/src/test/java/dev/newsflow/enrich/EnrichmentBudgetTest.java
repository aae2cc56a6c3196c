package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EnrichmentBudgetTest {

    private final RawArticle raw = RawArticle.builder().id("a1").source("s").guid("g").version(1).body("Text.").build();
    private final AtomicInteger abandoned = new AtomicInteger();

    @Test
    void anEnrichmentWithinTheBudgetIsReturned() {
        try (var budget = new EnrichmentBudget(r -> EnrichedArticle.builder().id(r.id()).build(), Duration.ofSeconds(5), abandoned)) {
            assertThat(budget.enrich(raw).id()).isEqualTo("a1");
        }
        assertThat(abandoned).hasValue(0);
    }

    @Test
    void oneThatRunsPastItIsGivenUpAndTheNextRecordStillGoesThrough() {
        CountDownLatch never = new CountDownLatch(1);
        try (var budget = new EnrichmentBudget(r -> {
            if (r.id().equals("stuck")) {
                spinUntil(never); // ignores interrupts, like a runaway regular expression
            }
            return EnrichedArticle.builder().id(r.id()).build();
        }, Duration.ofMillis(200), abandoned)) {
            assertThatThrownBy(() -> budget.enrich(raw.toBuilder().id("stuck").build()))
                    .isInstanceOf(EnrichmentException.class)
                    .hasMessage("enrichment timed out after 200 ms");

            assertThat(budget.enrich(raw).id()).isEqualTo("a1");
            assertThat(abandoned).hasValue(1);
        } finally {
            never.countDown();
        }
    }

    @Test
    void aFailureInsideIsPassedOnAsItself() {
        try (var budget = new EnrichmentBudget(r -> {
            throw new EnrichmentException("article has no text");
        }, Duration.ofSeconds(5), abandoned)) {
            assertThatThrownBy(() -> budget.enrich(raw)).isInstanceOf(EnrichmentException.class).hasMessage("article has no text");
        }
    }

    private static void spinUntil(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            Thread.onSpinWait();
        }
    }
}
