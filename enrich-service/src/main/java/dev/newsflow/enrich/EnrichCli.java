package dev.newsflow.enrich;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.Json;
import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.language.LanguageIdentifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow enrich [FILE]} and {@code newsflow enrich --ndjson}: runs the enrichment of
 * enrich-service on articles from a file or stdin and prints the results as JSON, without Kafka.
 * A command-line tool, so it prints to stdout and stderr directly.
 */
@Command(name = "newsflow enrich", mixinStandardHelpOptions = true,
        description = "Enriches articles as enrich-service does, without Kafka, and prints them as JSON.")
public final class EnrichCli implements Callable<Integer> {

    static final String SOURCE = "cli";
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
            "^\\s*(<!doctype html|<html|<head|<body)|<(p|div|article|h1|br)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    @Spec
    CommandSpec spec;

    @Option(names = "--ndjson", description = "read native JSON articles from stdin, one a line, and print one result a line")
    boolean ndjson;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "one article: native JSON, an HTML page or plain text (stdin when no FILE)")
    Path file;

    private final Enricher enricher;
    private final Clock clock;
    private InputStream in = System.in;
    private PrintStream out = System.out;
    private PrintStream err = System.err;

    EnrichCli(Enricher enricher, Clock clock) {
        this.enricher = enricher;
        this.clock = clock;
    }

    public static void main(String[] args) {
        Clock clock = Clock.systemUTC();
        int status = new EnrichCli(new Enricher(clock, LanguageIdentifier.shared()), clock)
                .run(List.of(args), System.in, System.out, System.err);
        System.exit(status);
    }

    /** Runs the command; returns the exit status (0 ok, 1 an article failed, 2 wrong usage). */
    int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
        return new CommandLine(this)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        if (ndjson) {
            if (file != null) {
                throw new ParameterException(spec.commandLine(), "--ndjson reads stdin: give no FILE with it");
            }
            return ndjson(in, out, err);
        }
        try {
            String text = file == null
                    ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(file, StandardCharsets.UTF_8);
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(enricher.enrich(article(text))));
            return 0;
        } catch (NoSuchFileException e) {
            err.println("newsflow enrich: no such file: " + e.getFile());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("newsflow enrich: " + e.getMessage());
            return 1;
        }
    }

    /** One native JSON article a line in, one enriched article a line out, in the same order. */
    private int ndjson(InputStream in, PrintStream out, PrintStream err) {
        int status = 0;
        int lineNumber = 0;
        ObjectMapper json = Json.mapper();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    RawArticle raw = nativeArticle(line).orElseThrow(() ->
                            new IllegalArgumentException("not a JSON article with body or body_html"));
                    out.println(json.writeValueAsString(enricher.enrich(raw)));
                } catch (IOException | RuntimeException e) {
                    err.println("newsflow enrich: line " + lineNumber + ": " + e.getMessage());
                    status = 1;
                }
            }
        } catch (IOException e) {
            err.println("newsflow enrich: cannot read stdin: " + e.getMessage());
            return 1;
        }
        return status;
    }

    /** The article the text holds: native JSON when it is one, else an HTML page, else plain text. */
    private RawArticle article(String text) throws IOException {
        Optional<RawArticle> nativeArticle = text.stripLeading().startsWith("{") ? nativeArticle(text) : Optional.empty();
        if (nativeArticle.isPresent()) {
            return nativeArticle.get();
        }
        boolean html = LOOKS_LIKE_HTML.matcher(text).find();
        RawArticle.Builder raw = RawArticle.builder().source(SOURCE);
        return identified(html
                ? raw.contentType("text/html").bodyHtml(text).build()
                : raw.contentType("text/plain").body(text).build());
    }

    /** The native article in the JSON, or empty when the text is no JSON object with body or body_html. */
    private Optional<RawArticle> nativeArticle(String text) throws IOException {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JacksonException e) {
            // In single mode, text that merely starts with "{" is then read as plain text; ndjson reports it.
            return Optional.empty();
        }
        if (node == null || !node.isObject() || !(node.hasNonNull("body") || node.hasNonNull("body_html"))) {
            return Optional.empty();
        }
        RawArticle raw = Json.mapper().treeToValue(node, RawArticle.class).withSource(SOURCE);
        String contentType = raw.contentType() != null ? raw.contentType() : "application/json";
        return Optional.of(identified(raw.toBuilder().contentType(contentType).build()));
    }

    /** Identity as ingest-service would give it (DESIGN.md, Identity and versions), with source "cli". */
    private RawArticle identified(RawArticle raw) {
        String guid = raw.guid() != null && !raw.guid().isBlank()
                ? raw.guid()
                : ArticleId.fallbackGuid(raw.url(), raw.title(), raw.body() != null ? raw.body() : raw.bodyHtml());
        Instant now = clock.instant();
        long version = raw.version() > 0 ? raw.version()
                : raw.versionCreatedAt() != null ? raw.versionCreatedAt().toEpochMilli() : now.toEpochMilli();
        return raw.withIdentity(ArticleId.of(SOURCE, guid), guid, version, now);
    }
}
