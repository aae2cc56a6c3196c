package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Near-duplicates through the running index service and a real Elasticsearch: a copy is folded only
 * behind an original the reader's filters also find, and killing the original brings its earliest copy
 * forward with the others folded under it.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The kill changes what the first test reads, so it comes second.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DuplicateFoldingIT {

    private IndexFixture index;
    private final EnrichedArticle original = IndexFixture.article("airship-1", 1, "Airship lands at Zeppelin field",
            "The airship landed at the old Zeppelin field on Sunday after a crossing of the lake.");
    private final EnrichedArticle firstCopy = copy("airship-copy-1", 1);
    private final EnrichedArticle secondCopy = copy("airship-copy-2", 2);

    @BeforeAll
    void indexTheStoryAndItsCopies(StackEndpoints stack) throws Exception {
        index = new IndexFixture(stack);
        List.of(original, firstCopy, secondCopy).forEach(index::send);
        await().atMost(Duration.ofSeconds(60)).until(() -> search("q=zeppelin&duplicates=include").path("total").asLong() == 3);
    }

    @AfterAll
    void stop() throws Exception {
        index.close();
    }

    @Test
    @Order(1)
    void copiesFoldUnderTheOriginalForEveryReaderWhoFindsIt() {
        JsonNode all = search("q=zeppelin");
        assertThat(IndexFixture.hitIds(all)).containsExactly(original.id());
        assertThat(all.path("hits").get(0).path("duplicates").asLong()).isEqualTo(2);

        // A reader of the copies' source alone does not find the original: the earliest copy stands in for it.
        JsonNode copiesOnly = search("q=zeppelin&source=wire-copy");
        assertThat(IndexFixture.hitIds(copiesOnly)).containsExactly(firstCopy.id());
        assertThat(copiesOnly.path("hits").get(0).path("duplicates").asLong()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void killingTheOriginalPromotesItsEarliestCopy() {
        index.sendTombstone(original.id());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = search("q=zeppelin");
            assertThat(IndexFixture.hitIds(after)).containsExactly(firstCopy.id());
            assertThat(after.path("hits").get(0).path("duplicates").asLong()).isEqualTo(1);
        });
        assertThat(index.get("/v1/articles/" + original.id()).statusCode()).isEqualTo(404);
    }

    private JsonNode search(String query) {
        return index.getJson("/v1/search?" + query);
    }


    /** A copy from another wire, received {@code minutesLater} after the original. */
    private EnrichedArticle copy(String guid, int minutesLater) {
        var ingested = original.ingestedAt().plus(Duration.ofMinutes(minutesLater));
        return original.toBuilder().id(ArticleId.of("wire-copy", guid)).source("wire-copy").guid(guid).url(null)
                .byline(null).ingestedAt(ingested).enrichedAt(ingested).duplicateOf(original.id()).build();
    }
}
