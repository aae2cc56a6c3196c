package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.PubStatus;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Embargoed and withheld stories through the running index service and a real Elasticsearch: stored,
 * but neither found, counted, read nor offered as related until the embargo passes (without any new
 * message) or a usable version arrives.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbargoIT {

    private static final Duration EMBARGO = Duration.ofSeconds(20);

    private IndexFixture index;
    private final EnrichedArticle open = IndexFixture.article("lighthouse-open", 1, "Lighthouse keeper retires",
            "The lighthouse keeper retired on Friday after forty years at the lamp.");
    private EnrichedArticle embargoed;
    private final EnrichedArticle withheld = IndexFixture.article("lighthouse-withheld", 1, "Lighthouse sold",
            "The lighthouse was sold to a trust, the council said.").toBuilder().pubstatus(PubStatus.WITHHELD).build();

    @BeforeAll
    void indexTheStories(StackEndpoints stack) throws Exception {
        index = new IndexFixture(stack);
        embargoed = IndexFixture.article("lighthouse-embargoed", 1, "Lighthouse to close",
                "The lighthouse will close next year, the harbour board will announce.").toBuilder()
                .embargoedUntil(Instant.now().plus(EMBARGO)).build();
        List.of(open, embargoed, withheld).forEach(index::send);
        await().atMost(Duration.ofSeconds(60)).until(() -> IndexFixture.hitIds(search("q=lighthouse")).contains(open.id()));
    }

    @AfterAll
    void stop() throws Exception {
        index.close();
    }

    @Test
    void embargoedAndWithheldStoriesAreStoredButNotShownUntilReleased() {
        JsonNode before = search("q=lighthouse");
        assertThat(IndexFixture.hitIds(before)).containsExactly(open.id());
        assertThat(before.path("total").asLong()).isEqualTo(1);
        assertThat(before.at("/facets/sources/0/count").asLong()).isEqualTo(1);
        assertThat(index.get("/v1/articles/" + embargoed.id()).statusCode()).isEqualTo(404);
        assertThat(index.get("/v1/articles/" + withheld.id()).statusCode()).isEqualTo(404);
        assertThat(IndexFixture.hitIds(index.getJson("/v1/articles/" + open.id() + "/related"))).isEmpty();

        // The embargo passes: the story appears by itself, with no new message.
        await().atMost(EMBARGO.plusSeconds(30)).untilAsserted(() ->
                assertThat(IndexFixture.hitIds(search("q=lighthouse"))).containsExactlyInAnyOrder(open.id(), embargoed.id()));
        assertThat(index.get("/v1/articles/" + embargoed.id()).statusCode()).isEqualTo(200);
        assertThat(IndexFixture.hitIds(search("q=sold"))).isEmpty();

        // A later usable version of the withheld story releases it.
        index.send(withheld.toBuilder().version(2).pubstatus(PubStatus.USABLE).build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(IndexFixture.hitIds(search("q=sold"))).containsExactly(withheld.id()));
    }

    private JsonNode search(String query) {
        return index.getJson("/v1/search?" + query);
    }

}
