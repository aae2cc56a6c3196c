package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.core.Dateline;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.core.PubStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00.123Z");

    private static EnrichedArticle full() {
        return EnrichedArticle.builder()
                .id("wire-a:g1").source("wire-a").guid("g1").version(3).url("https://example.org/g1")
                .title("Harbour reopens")
                .body("LISBON — The harbour reopened on \"Monday\".\tCranes\\ships, naïve café ✓.")
                .byline("By A. Writer").language("en").dateline(new Dateline("Lisbon", "LISBON —"))
                .publishedAt(Instant.parse("2025-03-01T10:00:00Z"))
                .ingestedAt(Instant.parse("2025-03-01T10:00:01.500Z"))
                .enrichedAt(Instant.parse("2025-03-01T10:00:02.250Z"))
                .people(List.of("Ana Costa")).organizations(List.of("Port Authority"))
                .places(List.of("Lisbon", "Portugal")).topics(List.of("economy"))
                .keywords(List.of("harbour", "cranes")).subjects(List.of("medtop:20000344"))
                .wordCount(12).duplicateOf("wire-b:g9").pubstatus(PubStatus.USABLE).urgency(4)
                .build();
    }

    /** Only what every article has: the optional fields absent, the lists empty. */
    private static EnrichedArticle sparse() {
        return EnrichedArticle.builder().source("wire-a").guid("g2").version(1).build();
    }

    private static byte[] bytes(EnrichedArticle article) throws IOException {
        return Json.mapper().writeValueAsBytes(article);
    }

    private static JsonNode tree(byte[] json) throws IOException {
        return Json.mapper().readTree(json);
    }

    private static byte[] document(CanonicalRecord record) throws IOException {
        try (InputStream in = record.document(NOW).asInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void knowsEveryFieldTheArticleIsWrittenWith() throws IOException {
        Set<String> written = new TreeSet<>();
        tree(bytes(full().withIndexedAt(NOW))).fieldNames().forEachRemaining(written::add);
        written.remove("indexed_at");
        assertThat(new TreeSet<>(CanonicalRecord.FIELD_NAMES)).isEqualTo(written);
        assertThat(written).containsAll(CanonicalRecord.ALWAYS_WRITTEN);
    }

    @Test
    void takesWhatThePlatformWritesAndIndexesTheSameDocument() throws IOException {
        List<EnrichedArticle> articles = new ArrayList<>(List.of(full(), sparse()));
        articles.addAll(new BenchmarkCorpus(7).articles("canonical", 0, 200));
        for (EnrichedArticle article : articles) {
            Optional<CanonicalRecord> record = CanonicalRecord.read(bytes(article));
            assertThat(record).as("the platform's own JSON of %s", article.id()).isPresent();
            assertThat(record.get().id()).isEqualTo(article.id());
            assertThat(record.get().version()).isEqualTo(article.version());
            assertThat(record.get().ingestedAt()).isEqualTo(article.ingestedAt());
            assertThat(tree(document(record.get()))).isEqualTo(tree(bytes(article.withIndexedAt(NOW))));
        }
    }

    @Test
    void putsIndexedAtFirstAndKeepsTheRestByteForByte() throws IOException {
        byte[] value = bytes(full());
        String document = new String(document(CanonicalRecord.read(value).orElseThrow()), StandardCharsets.UTF_8);
        assertThat(document).isEqualTo("{\"indexed_at\":\"2026-11-29T08:00:00.123Z\","
                + new String(value, StandardCharsets.UTF_8).substring(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[],\"colour\":\"red\"}",
            "{\"version\":1,\"version\":2,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[]}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[],\"title\":null}",
            "{\"version\":1,\"word_count\":0,\"people\":null,\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[]}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[],\"indexed_at\":\"2025-01-01T00:00:00.000Z\"}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[],\"ingested_at\":\"2025-01-01T00:00:00Z\"}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[],\"published_at\":\"2025-01-01T01:00:00.000+01:00\"}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[],\"published_at\":1735689600}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[],\"pubstatus\":\"USABLE\"}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[],\"pubstatus\":\"stat:usable\"}",
            "{\"version\":\"1\",\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[]}",
            "{\"version\":1.0,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[]}",
            "{\"version\":1,\"word_count\":4294967296,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[]}",
            "{\"version\":1,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[]}",
            "{\"version\":1,\"word_count\":0,\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[]}",
            "{\"version\":1,\"word_count\":0,\"people\":[\"a\",1],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[]}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[],\"dateline\":{\"place\":\"X\",\"country\":\"Y\"}}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[],\"title\":42}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[]} {}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\n\"keywords\":[],\"subjects\":[]}",
            " {\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[]}",
            "{\"version\":1,\"word_count\":0,\"people\":[],\"organizations\":[],\"places\":[],\"topics\":[],\"keywords\":[],\"subjects\":[]",
            "[]",
            "not json"})
    void leavesAnythingElseToBeReadAndWrittenAnew(String record) {
        assertThat(CanonicalRecord.read(record.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    /**
     * Records bent away from the canonical form in seeded random ways: whatever is taken as it stands
     * must be exactly what reading it into an article and writing that out gives, and nothing the
     * usual reading refuses may be taken.
     */
    @Test
    void neverTakesARecordThatWouldIndexDifferently() throws IOException {
        Random random = new Random(29);
        List<EnrichedArticle> seeds = new ArrayList<>(List.of(full(), sparse()));
        seeds.addAll(new BenchmarkCorpus(11).articles("mutated", 0, 20));
        int taken = 0;
        int refusedByBoth = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] record = mutate(bytes(seeds.get(random.nextInt(seeds.size()))), random);
            EnrichedArticle usual = readTheUsualWay(record);
            Optional<CanonicalRecord> canonical = CanonicalRecord.read(record);
            if (canonical.isEmpty()) {
                refusedByBoth += usual == null ? 1 : 0;
                continue;
            }
            taken++;
            String input = new String(record, StandardCharsets.UTF_8);
            assertThat(usual).as("read the usual way: %s", input).isNotNull();
            assertThat(tree(document(canonical.get()))).as(input).isEqualTo(tree(bytes(usual.withIndexedAt(NOW))));
            assertThat(canonical.get().id()).as(input).isEqualTo(usual.id());
            assertThat(canonical.get().version()).as(input).isEqualTo(usual.version());
            assertThat(canonical.get().ingestedAt()).as(input).isEqualTo(usual.ingestedAt());
        }
        // Both ways are exercised: some mutations keep the form, some break the record outright.
        assertThat(taken).isGreaterThan(500);
        assertThat(refusedByBoth).isGreaterThan(100);
    }

    private static EnrichedArticle readTheUsualWay(byte[] record) {
        try {
            return Json.mapper().readValue(record, EnrichedArticle.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final List<String> VALUES = List.of("null", "\"\"", "\"x\"", "0", "-1", "1.5", "2147483648",
            "9223372036854775808", "true", "[]", "[\"a\"]", "[1]", "[null]", "{}", "{\"place\":\"p\"}",
            "{\"place\":1}", "\"2025-01-01T00:00:00Z\"", "\"2025-01-01T00:00:00.000Z\"", "\"2025-01-01T00:00:60.000Z\"",
            "\"2025-01-01T00:00:00.000+01:00\"", "\"2025-13-01T00:00:00.000Z\"", "\"USABLE\"", "\"usable\"",
            "\"stat:usable\"", "\"withheld\"", "\"12\"", "1e3", "\"a\\u0062c\"");

    /** One or two edits: a field dropped, retyped, added or doubled, or the text around the object bent. */
    private static byte[] mutate(byte[] canonical, Random random) throws IOException {
        ObjectNode node = (ObjectNode) tree(canonical);
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        int edits = 1 + random.nextInt(2);
        String text = null;
        for (int edit = 0; edit < edits; edit++) {
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0 -> node.remove(name);
                case 1, 2 -> node.set(name, tree(VALUES.get(random.nextInt(VALUES.size())).getBytes(StandardCharsets.UTF_8)));
                case 3 -> node.set(List.of("indexed_at", "colour", "title", "urgency", "pubstatus", "dateline")
                        .get(random.nextInt(6)), tree(VALUES.get(random.nextInt(VALUES.size())).getBytes(StandardCharsets.UTF_8)));
                default -> text = bend(Json.mapper().writeValueAsString(node), name, random);
            }
        }
        return (text != null ? text : Json.mapper().writeValueAsString(node)).getBytes(StandardCharsets.UTF_8);
    }

    private static String bend(String json, String name, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "{\"" + name + "\":" + "\"doubled\"," + json.substring(1);
            case 1 -> json.replace(",", random.nextBoolean() ? ", " : ",\n");
            case 2 -> json + (random.nextBoolean() ? " " : " {}");
            case 3 -> "\uFEFF" + json;
            default -> json.replace("\"" + name + "\":", "\"" + name + "\" :");
        };
    }
}
