package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/**
 * Pins the JSON of both event records, every field set: it is the Kafka and HTTP wire contract, so a
 * change to the records' code must not move a byte of it.
 */
class ArticleWireFormTest {

    @Test
    void aRawArticleReadsAsItAlwaysHas() throws JsonProcessingException {
        assertThat(Json.mapper().writeValueAsString(FullArticles.raw())).isEqualTo("{\"id\":\"id-1\",\"source\":\"wire\","
                + "\"guid\":\"urn:1\",\"version\":3,\"content_type\":\"application/json\",\"title\":\"Title\","
                + "\"body\":\"Body\",\"body_html\":\"<p>Body</p>\",\"url\":\"https://example.test/1\","
                + "\"language\":\"en\",\"byline\":\"By A. Writer\",\"published_at\":\"2026-11-01T10:00:00.000Z\","
                + "\"first_created_at\":\"2026-11-01T09:00:00.000Z\","
                + "\"version_created_at\":\"2026-11-01T09:30:00.000Z\","
                + "\"embargoed_until\":\"2026-11-01T08:00:00.000Z\",\"subjects\":[\"medtop:07000000\"],"
                + "\"people\":[\"Ana Lima\"],\"organizations\":[\"WHO\"],\"places\":[\"Geneva\"],"
                + "\"located\":\"Geneva\",\"dateline\":\"GENEVA —\",\"urgency\":4,\"pubstatus\":\"usable\","
                + "\"ingested_at\":\"2026-11-01T10:00:01.234Z\"}");
    }

    @Test
    void anEnrichedArticleReadsAsItAlwaysHas() throws JsonProcessingException {
        assertThat(Json.mapper().writeValueAsString(FullArticles.enriched())).isEqualTo("{\"id\":\"id-1\",\"source\":\"wire\","
                + "\"guid\":\"urn:1\",\"version\":3,\"url\":\"https://example.test/1\",\"title\":\"Title\","
                + "\"body\":\"Body\",\"byline\":\"By A. Writer\",\"language\":\"en\","
                + "\"dateline\":{\"place\":\"Geneva\",\"text\":\"GENEVA —\"},"
                + "\"published_at\":\"2026-11-01T10:00:00.000Z\",\"ingested_at\":\"2026-11-01T10:00:01.234Z\","
                + "\"enriched_at\":\"2026-11-01T10:00:02.000Z\",\"indexed_at\":\"2026-11-01T10:00:03.000Z\","
                + "\"people\":[\"Ana Lima\"],\"organizations\":[\"WHO\"],\"places\":[\"Geneva\"],"
                + "\"topics\":[\"health\"],\"keywords\":[\"vaccine\"],\"subjects\":[\"medtop:07000000\"],"
                + "\"word_count\":2,\"duplicate_of\":\"id-0\",\"pubstatus\":\"usable\",\"urgency\":4,"
                + "\"embargoed_until\":\"2026-11-01T08:00:00.000Z\"}");
    }

    @Test
    void absentValuesAreLeftOutAndListsStayEmpty() throws JsonProcessingException {
        assertThat(Json.mapper().writeValueAsString(RawArticle.builder().build()))
                .isEqualTo("{\"version\":0,\"subjects\":[],\"people\":[],\"organizations\":[],\"places\":[]}");
    }
}
