package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private static final BenchSettings SETTINGS = new BenchSettings(2000, 50, 4, 100, 400, 42,
            Path.of("/tmp/out/bench.md"), null, BenchStage.ALL);

    private static BenchReport report() {
        return new BenchReport(Instant.parse("2025-06-01T10:00:00Z"), 545.2, "2 cores (Test CPU), 24 GiB RAM", SETTINGS,
                List.of(
                        Figure.rate("ingest", "NDJSON batches of 100, 4 clients", 12345.6, "Kafka ProducerPerformance", 30000)
                                .atLeast(0.5),
                        Figure.rate("index", "indexer", 3600, "raw _bulk", 4000).atLeast(0.9),
                        Figure.alone("end to end", "202 → searchable at 50/s offered, p99", 1840.25, "ms").atMost(2000),
                        Figure.alone("search", "mixed queries p50", Double.NaN, "ms")),
                List.of(new ServiceCost("enrich-service", 60, 4000, 700L * 1024 * 1024)),
                List.of(new Hotspots("e2e-enrich", 1000, List.of(new Hotspots.Share("edu.stanford.nlp.ie.crf.X.y", 0.42)),
                        List.of(new Hotspots.Share("dev.newsflow.enrich.entities.EntityTagger.tag", 0.81)))));
    }

    @Test
    void markdownHasOneRowPerFigureWithRatioAndTargetVerdict() {
        String table = MarkdownReport.figures(report());

        assertThat(table.lines()).hasSize(2 + 4);
        assertThat(table).contains("| ingest | NDJSON batches of 100, 4 clients | 12,346 articles/s | Kafka ProducerPerformance"
                + " | 30,000 | 0.41 | ratio ≥ 0.50 ✗ |");
        assertThat(table).contains("| index | indexer | 3,600 articles/s | raw _bulk | 4,000 | 0.90 | ratio ≥ 0.90 ✓ |");
        assertThat(table).contains("| end to end | 202 → searchable at 50/s offered, p99 | 1,840 ms |  |  |  | ≤ 2,000 ms ✓ |");
        assertThat(table).contains("| search | mixed queries p50 | n/a ms |  |  |  |  |");
    }

    @Test
    void markdownNamesMachineSettingsCostsAndHotspots() {
        String markdown = MarkdownReport.render(report());

        assertThat(markdown).contains("2 cores (Test CPU), 24 GiB RAM; 2000 articles (seed 42), 50/s offered end to end,"
                + " 4 clients; run took 9m05s");
        assertThat(markdown).contains("| enrich-service | 15.0 | 700 MiB |");
        assertThat(markdown).contains("**e2e-enrich** (1000 samples): top of stack `edu.stanford.nlp.ie.crf.X.y` 42%;"
                + " our code, inclusive `dev.newsflow.enrich.entities.EntityTagger.tag` 81%");
    }

    @Test
    void jsonCarriesRatiosVerdictsAndNullForWhatWasNotMeasured() throws Exception {
        JsonNode json = Json.mapper().readTree(JsonReport.render(report()));

        JsonNode index = json.get("figures").get(1);
        assertThat(index.get("stage").asText()).isEqualTo("index");
        assertThat(index.get("ratio").asDouble()).isEqualTo(0.9);
        assertThat(index.get("target_met").asBoolean()).isTrue();
        assertThat(json.get("figures").get(0).get("target_met").asBoolean()).isFalse();
        JsonNode search = json.get("figures").get(3);
        assertThat(search.get("value").isNull()).isTrue();
        assertThat(search.get("ratio").isNull()).isTrue();
        assertThat(search.has("target_met")).isFalse();
        assertThat(json.get("costs").get(0).get("cpu_seconds_per_1000").asDouble()).isEqualTo(15.0);
        assertThat(json.get("settings").get("articles").asInt()).isEqualTo(2000);
        assertThat(json.get("started_at").asText()).isEqualTo("2025-06-01T10:00:00.000Z");
    }

    @Test
    void numbersAreReadable() {
        assertThat(MarkdownReport.number(1234.5)).isEqualTo("1,235");
        assertThat(MarkdownReport.number(12.345)).isEqualTo("12.3");
        assertThat(MarkdownReport.number(Double.NaN)).isEqualTo("n/a");
        assertThat(MarkdownReport.duration(42.4)).isEqualTo("42s");
        assertThat(MarkdownReport.duration(600)).isEqualTo("10m00s");
    }

    @Test
    void theJsonReportSitsBesideTheMarkdownOne() {
        assertThat(SETTINGS.jsonReport()).isEqualTo(Path.of("/tmp/out/bench.json"));
    }
}
