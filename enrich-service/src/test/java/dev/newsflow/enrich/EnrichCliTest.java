package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.enrich.language.LanguageIdentifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichCliTest {

    private final Clock clock = Clock.fixed(EnricherTest.NOW, ZoneOffset.UTC);
    private final EnrichCli cli = new EnrichCli(new Enricher(clock, LanguageIdentifier.shared()), clock);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return cli.run(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nativeJsonFromStdinIsEnrichedWithSourceCli() throws IOException {
        String article = """
                {"guid": "g-1", "version": 4, "title": "Storm floods coastal towns", "language": "en",
                 "body": "Residents of three coastal towns were evacuated on Saturday after heavy rain."}""";

        assertThat(run(article)).isZero();

        EnrichedArticle enriched = Json.mapper().readValue(stdout(), EnrichedArticle.class);
        assertThat(enriched.id()).isEqualTo(ArticleId.of("cli", "g-1"));
        assertThat(enriched.source()).isEqualTo("cli");
        assertThat(enriched.version()).isEqualTo(4);
        assertThat(enriched.title()).isEqualTo("Storm floods coastal towns");
        assertThat(enriched.ingestedAt()).isEqualTo(EnricherTest.NOW);
        assertThat(enriched.enrichedAt()).isEqualTo(EnricherTest.NOW);
        assertThat(err.size()).isZero();
    }

    @Test
    void plainTextFileIsCleanedAsAScrapedPage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("page.txt");
        Files.writeString(file, Seeds.ours("baltic-summit.txt"));

        assertThat(run("", file.toString())).isZero();

        JsonNode json = Json.mapper().readTree(stdout());
        assertThat(json.get("title").asText()).isEqualTo("Poland, Lithuania seal port security pact in challenge to Moscow");
        assertThat(json.get("body").asText()).startsWith("GDANSK, Poland —");
        assertThat(json.get("dateline").get("place").asText()).isEqualTo("Gdansk, Poland");
        assertThat(json.get("language").asText()).isEqualTo("en");
    }

    @Test
    void htmlIsReadAsAPage() throws IOException {
        String html = "<html><head><title>Council approves budget - Gazette</title></head><body>"
                + "<p>The council approved the budget on Monday after a long and heated debate.</p></body></html>";

        assertThat(run(html)).isZero();

        EnrichedArticle enriched = Json.mapper().readValue(stdout(), EnrichedArticle.class);
        assertThat(enriched.title()).isEqualTo("Council approves budget");
        assertThat(enriched.body()).isEqualTo("The council approved the budget on Monday after a long and heated debate.");
    }

    @Test
    void ndjsonPrintsOneArticleALineInOrderAndReportsBadLines() throws IOException {
        String input = """
                {"guid": "1", "body": "First story about the harbour and its ships, told in a few words."}

                not json
                {"guid": "3", "body_html": "<p>Third story, sent as HTML by the feed.</p>"}
                """;

        assertThat(run(input, "--ndjson")).isEqualTo(1);

        List<String> lines = stdout().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(Json.mapper().readValue(lines.get(0), EnrichedArticle.class).guid()).isEqualTo("1");
        EnrichedArticle third = Json.mapper().readValue(lines.get(1), EnrichedArticle.class);
        assertThat(third.guid()).isEqualTo("3");
        assertThat(third.body()).isEqualTo("Third story, sent as HTML by the feed.");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("newsflow enrich: line 3:");
    }

    @Test
    void missingFileAndWrongUsageFail() {
        assertThat(run("", "/no/such/file.txt")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file: /no/such/file.txt");
        assertThat(run("", "--bogus")).isEqualTo(2);
        assertThat(run("", "--ndjson", "file.txt")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--ndjson reads stdin");
        assertThat(run("", "--help")).isZero();
        assertThat(stdout()).startsWith("Usage: newsflow enrich").contains("--ndjson", "FILE");
    }
}
