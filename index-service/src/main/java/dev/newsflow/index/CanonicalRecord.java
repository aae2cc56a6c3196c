package dev.newsflow.index;

import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.newsflow.core.Json;
import dev.newsflow.core.PubStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An enriched record whose bytes are already the document Elasticsearch should store, so they go to
 * it as they are, with {@code indexed_at} added in front, instead of being read into an article and
 * written out again. On two cores shared with Elasticsearch, writing each article anew was most of the
 * indexer's own CPU, taken from the node it feeds.
 *
 * <p>Only the exact form {@link Json#mapper()} writes for an {@code EnrichedArticle} is taken: known
 * fields, each once, with their own JSON types; timestamps as {@code 2025-01-31T09:15:00.000Z};
 * {@code pubstatus} by its wire name; the list fields, {@code version} and {@code word_count} present;
 * no {@code null}, no {@code indexed_at}, nothing after the object, no line break (a bulk body is one
 * document per line). Anything else (a record written by hand, an older or newer writer) is read and
 * written the usual way, which normalises it and names what is wrong. So Elasticsearch gets the same
 * fields and values either way.
 *
 * <p>{@link #read(byte[])} streams through the record once, without building the article.
 */
final class CanonicalRecord {

    private enum Kind { TEXT, LONG, INT, TIMESTAMP, TEXT_LIST, PUBSTATUS, DATELINE }

    /** The fields of {@code EnrichedArticle} as its JSON names them, but for {@code indexed_at}. */
    private static final Map<String, Kind> FIELDS = Map.ofEntries(
            Map.entry("id", Kind.TEXT), Map.entry("source", Kind.TEXT), Map.entry("guid", Kind.TEXT),
            Map.entry("version", Kind.LONG), Map.entry("url", Kind.TEXT), Map.entry("title", Kind.TEXT),
            Map.entry("body", Kind.TEXT), Map.entry("byline", Kind.TEXT), Map.entry("language", Kind.TEXT),
            Map.entry("dateline", Kind.DATELINE), Map.entry("published_at", Kind.TIMESTAMP),
            Map.entry("ingested_at", Kind.TIMESTAMP), Map.entry("enriched_at", Kind.TIMESTAMP),
            Map.entry("people", Kind.TEXT_LIST), Map.entry("organizations", Kind.TEXT_LIST),
            Map.entry("places", Kind.TEXT_LIST), Map.entry("topics", Kind.TEXT_LIST),
            Map.entry("keywords", Kind.TEXT_LIST), Map.entry("subjects", Kind.TEXT_LIST),
            Map.entry("word_count", Kind.INT), Map.entry("duplicate_of", Kind.TEXT),
            Map.entry("pubstatus", Kind.PUBSTATUS), Map.entry("urgency", Kind.INT));

    /** Always written: primitives and lists (empty as {@code []}). */
    static final Set<String> ALWAYS_WRITTEN = Set.of("version", "word_count", "people", "organizations", "places",
            "topics", "keywords", "subjects");

    /** Every field name but {@code indexed_at}, for the test that keeps this list in step with the record. */
    static final Set<String> FIELD_NAMES = FIELDS.keySet();

    private static final Set<String> PUBSTATUS_NAMES = Arrays.stream(PubStatus.values())
            .map(PubStatus::wireName).collect(Collectors.toUnmodifiableSet());
    private static final int TIMESTAMP_LENGTH = "2025-01-31T09:15:00.000Z".length();
    private static final JsonFactory JSON = Json.mapper().getFactory();

    private final String id;
    private final long version;
    private final Instant ingestedAt;
    private final byte[] value;

    private CanonicalRecord(String id, long version, Instant ingestedAt, byte[] value) {
        this.id = id;
        this.version = version;
        this.ingestedAt = ingestedAt;
        this.value = value;
    }

    /** The article id, null when the record has none (its key stands for it). */
    String id() {
        return id;
    }

    long version() {
        return version;
    }

    /** When ingest received the story, null when the record does not say. */
    Instant ingestedAt() {
        return ingestedAt;
    }

    /** The record as it is, when it is in the canonical form; empty when it must be read and written anew. */
    static Optional<CanonicalRecord> read(byte[] value) {
        if (value == null || value.length == 0 || value[0] != '{' || hasLineBreak(value)) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(value)) {
            return new Scan(parser).record(value);
        } catch (IOException | DateTimeException e) {
            // Not valid JSON, or a value out of range: the usual reading names the fault.
            return Optional.empty();
        }
    }

    /** The bytes to index: the record with {@code indexed_at} as its first field. */
    BinaryData document(Instant indexedAt) {
        byte[] field = ("{\"indexed_at\":\"" + Json.format(indexedAt) + "\",").getBytes(StandardCharsets.US_ASCII);
        byte[] document = new byte[field.length + value.length - 1];
        System.arraycopy(field, 0, document, 0, field.length);
        System.arraycopy(value, 1, document, field.length, value.length - 1);
        return BinaryData.of(document, ContentType.APPLICATION_JSON);
    }

    private static boolean hasLineBreak(byte[] value) {
        for (byte b : value) {
            if (b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    /** One pass over the record's tokens; any departure from the canonical form ends it. */
    private static final class Scan {

        private final JsonParser parser;
        private String id;
        private long version;
        private Instant ingestedAt;

        Scan(JsonParser parser) {
            this.parser = parser;
        }

        Optional<CanonicalRecord> record(byte[] value) throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Set<String> seen = new HashSet<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                Kind kind = FIELDS.get(name);
                if (kind == null || !seen.add(name) || !value(name, kind, parser.nextToken())) {
                    return Optional.empty();
                }
            }
            if (parser.nextToken() != null || !seen.containsAll(ALWAYS_WRITTEN)) {
                return Optional.empty();
            }
            return Optional.of(new CanonicalRecord(id, version, ingestedAt, value));
        }

        private boolean value(String name, Kind kind, JsonToken token) throws IOException {
            return switch (kind) {
                case TEXT -> {
                    if (token == JsonToken.VALUE_STRING && name.equals("id")) {
                        id = parser.getText();
                    }
                    yield token == JsonToken.VALUE_STRING;
                }
                case LONG -> {
                    boolean fits = token == JsonToken.VALUE_NUMBER_INT
                            && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
                    if (fits) {
                        version = parser.getLongValue();
                    }
                    yield fits;
                }
                case INT -> token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT;
                case TIMESTAMP -> token == JsonToken.VALUE_STRING && timestamp(name, parser.getText());
                case PUBSTATUS -> token == JsonToken.VALUE_STRING && PUBSTATUS_NAMES.contains(parser.getText());
                case TEXT_LIST -> token == JsonToken.START_ARRAY && texts();
                case DATELINE -> token == JsonToken.START_OBJECT && dateline();
            };
        }

        /** Only the canonical form: read and written again, it must come out the same. */
        private boolean timestamp(String name, String text) {
            if (text.length() != TIMESTAMP_LENGTH) {
                return false;
            }
            Instant instant = Instant.parse(text);
            if (name.equals("ingested_at")) {
                ingestedAt = instant;
            }
            return Json.format(instant).equals(text);
        }

        private boolean texts() throws IOException {
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_STRING) {
                    return false;
                }
            }
            return true;
        }

        private boolean dateline() throws IOException {
            Set<String> seen = new HashSet<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                if (!(name.equals("place") || name.equals("text")) || !seen.add(name)
                        || parser.nextToken() != JsonToken.VALUE_STRING) {
                    return false;
                }
            }
            return true;
        }
    }
}
