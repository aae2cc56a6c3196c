package dev.newsflow.cli;

import dev.newsflow.core.EsCredentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ElasticsearchProbeTest {

    @Test
    void readsEachSourcesCountAndNewestIngestTime() throws IOException {
        var answer = Json.mapper().readTree("""
                {"aggregations":{"sources":{"buckets":[
                  {"key":"reuters","doc_count":40,"last_ingested":{"value":1.7724672E12,"value_as_string":"2026-03-02T16:00:00.000Z"}},
                  {"key":"afp","doc_count":2,"last_ingested":{"value":null}}]}}}""");

        assertThat(ElasticsearchProbe.sources(answer)).containsExactly(
                new SourceActivity("reuters", 40, Instant.parse("2026-03-02T16:00:00Z")),
                new SourceActivity("afp", 2, null));
    }

    @Test
    void asksForATermsAggregationOnSourceWithTheMaxIngestTime() throws IOException {
        var query = Json.mapper().readTree(ElasticsearchProbe.sourcesQuery());

        assertThat(query.path("size").asInt()).isZero();
        assertThat(query.at("/aggs/sources/terms/field").asText()).isEqualTo("source");
        assertThat(query.at("/aggs/sources/aggs/last_ingested/max/field").asText()).isEqualTo("ingested_at");
    }

    @Test
    void aClosedPortIsReportedAsUnreachable() throws IOException {
        URI url = URI.create("http://127.0.0.1:" + ServiceProbeTest.closedPort());
        try (HttpClient http = HttpClient.newHttpClient()) {
            IndexStatus status = new ElasticsearchProbe(http, url, EsCredentials.NONE, Duration.ofSeconds(2)).read("news");

            assertThat(status.reachable()).isFalse();
            assertThat(status.problem()).startsWith("Elasticsearch at " + url + " is not reachable");
        }
    }
}
