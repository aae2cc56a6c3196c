package dev.newsflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code application/vnd.iptc.ninjs+json}: one IPTC ninjs news object, in the field names of ninjs 1.x
 * ({@code headline}, {@code body_text}, {@code byline}, {@code subject}, {@code person}), 2.x
 * ({@code headlines[]}, {@code bodies[]}, {@code by}, {@code subjects}, {@code people}) or 3.x (the
 * 2.x names in camelCase, {@code embargoedUntil}).
 *
 * <p>Field names are matched without regard to case: 3.x renamed {@code versioncreated} to
 * {@code versionCreated} and so on, and nothing else in ninjs tells the versions apart reliably.
 * Errors name the field as the document spelled it.
 */
public final class NinjsParser implements ArticleParser {

    static final String CONTENT_TYPE = "application/vnd.iptc.ninjs+json";

    @Override
    public Set<String> mediaTypes() {
        return Set.of(CONTENT_TYPE);
    }

    @Override
    public ParsedPayload parse(byte[] body, MediaType type) {
        String text = PayloadText.decode(body, type.charsetOrUtf8());
        return ParsedPayload.single(read(JsonArticleParser.readTree(text, 0)));
    }

    /** @throws dev.newsflow.core.ProblemException 400 naming the first invalid field */
    static ParsedItem.Valid read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw NativeArticleReader.invalid(null, "a ninjs item must be a JSON object, got " + NativeArticleReader.kind(node));
        }
        Fields fields = new Fields(node);
        Bodies bodies = bodies(fields);
        PubStatus pubstatus = NativeArticleReader.pubstatus(node, fields.name("pubstatus"));
        String uri = blankToNull(fields.text("uri"));
        if (pubstatus != PubStatus.CANCELED && bodies.isEmpty()) {
            throw NativeArticleReader.invalid(fields.has("bodies") ? fields.name("bodies") : "body_text",
                    "the item carries no text: send body_text or body_html (ninjs 1.x) or bodies[] (2.x and 3.x)");
        }
        if (pubstatus == PubStatus.CANCELED && bodies.isEmpty() && uri == null) {
            throw NativeArticleReader.invalid("uri", "a canceled item needs the uri of the story it withdraws");
        }
        Instant firstCreated = fields.instant("firstcreated");
        Instant versionCreated = fields.instant("versioncreated");
        Instant embargoed = fields.has("embargoeduntil") ? fields.instant("embargoeduntil") : fields.instant("embargoed");
        Entities entities = entities(fields);
        RawArticle article = RawArticle.builder()
                .guid(uri).contentType(CONTENT_TYPE)
                .title(headline(fields)).body(bodies.text()).bodyHtml(bodies.html())
                .language(blankToNull(fields.text("language"))).byline(byline(fields))
                .publishedAt(firstCreated != null ? firstCreated : versionCreated).firstCreatedAt(firstCreated)
                .versionCreatedAt(versionCreated).embargoedUntil(embargoed)
                .subjects(entities.subjects()).people(entities.people()).organizations(entities.organizations())
                .places(entities.places()).located(blankToNull(fields.text("located")))
                .urgency(NativeArticleReader.urgency(node, fields.name("urgency"))).pubstatus(pubstatus)
                .build();
        return new ParsedItem.Valid(article, version(fields));
    }

    /** ninjs says {@code version} is a string; integers are accepted too, since many feeds send them. */
    private static Long version(Fields fields) {
        JsonNode value = fields.get("version");
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isTextual() ? value.textValue().strip() : value.isIntegralNumber() ? value.asText() : "";
        if (!text.matches("\\d{1,18}")) {
            throw NativeArticleReader.invalid(fields.name("version"),
                    fields.name("version") + " must be a whole number of at least 0 (as a string or a number), got " + value);
        }
        return Long.parseLong(text);
    }

    /** The main headline: role "main" (or no role) among several, else the first; then 1.x's headline, then title. */
    private static String headline(Fields fields) {
        List<JsonNode> headlines = fields.objects("headlines");
        if (headlines.isEmpty()) {
            headlines = fields.draftArray("headline");
        }
        for (JsonNode headline : headlines) {
            String role = roleOf(headline);
            if (role == null || role.equalsIgnoreCase("main")) {
                return valueOf(headline);
            }
        }
        if (!headlines.isEmpty()) {
            return valueOf(headlines.getFirst());
        }
        String headline = blankToNull(fields.text("headline"));
        return headline != null ? headline : blankToNull(fields.text("title"));
    }

    private static String byline(Fields fields) {
        String by = blankToNull(fields.text("by"));
        return by != null ? by : blankToNull(fields.text("byline"));
    }

    private record Bodies(String text, String html) {
        boolean isEmpty() {
            return text == null && html == null;
        }
    }

    /**
     * The first plain-text body and the first marked-up one. A body whose content type names HTML or XML
     * (NITF, XHTML) is markup for enrich-service to clean; one with no content type or text/plain is text.
     */
    private static Bodies bodies(Fields fields) {
        String text = blankToNull(fields.text("body_text"));
        String html = blankToNull(fields.text("body_html"));
        List<JsonNode> bodies = new ArrayList<>(fields.objects("bodies"));
        bodies.addAll(fields.draftArray("body"));
        for (JsonNode body : bodies) {
            String value = valueOf(body);
            String type = member(body, "contenttype");
            String role = roleOf(body);
            boolean markup = type != null ? type.contains("html") || type.contains("xml")
                    : role != null && role.toLowerCase(Locale.ROOT).contains("html");
            if (value == null) {
                continue;
            }
            if (markup && html == null) {
                html = value;
            } else if (!markup && text == null) {
                text = value;
            }
        }
        return new Bodies(text, html);
    }

    private record Entities(List<String> subjects, List<String> people, List<String> organizations,
                            List<String> places) {
    }

    /** Subjects keep their codes and names; people, organisations and places keep their names. */
    private static Entities entities(Fields fields) {
        Set<String> subjects = new LinkedHashSet<>();
        for (String name : new String[] {"subjects", "subject"}) {
            for (JsonNode subject : fields.objects(name)) {
                addIfPresent(subjects, code(subject));
                addIfPresent(subjects, member(subject, "name"));
            }
        }
        return new Entities(List.copyOf(subjects), names(fields, "people", "person"),
                names(fields, "organisations", "organisation"), names(fields, "places", "place"));
    }

    /** 2.x/3.x identify a concept by uri (or literal); 1.x by a code within a scheme URI. */
    private static String code(JsonNode concept) {
        String uri = member(concept, "uri");
        if (uri != null) {
            return uri;
        }
        String code = member(concept, "code");
        String scheme = member(concept, "scheme");
        if (code != null) {
            return scheme == null || code.contains(":") ? code : scheme + code;
        }
        return member(concept, "literal");
    }

    private static List<String> names(Fields fields, String current, String legacy) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : new String[] {current, legacy}) {
            for (JsonNode entity : fields.objects(name)) {
                addIfPresent(names, member(entity, "name"));
            }
        }
        return List.copyOf(names);
    }

    private static void addIfPresent(Set<String> values, String value) {
        String stripped = blankToNull(value);
        if (stripped != null) {
            values.add(stripped);
        }
    }

    /** The role of a headline or body; drafts of ninjs 2.0 called it name. */
    private static String roleOf(JsonNode part) {
        String role = member(part, "role");
        return role != null ? role : member(part, "name");
    }

    /** The text of a headline or body; drafts of ninjs 2.0 called a headline's text "text". */
    private static String valueOf(JsonNode part) {
        String value = member(part, "value");
        return blankToNull(value != null ? value : member(part, "text"));
    }

    /** A string member of a nested object, case-insensitively; other kinds count as absent. */
    private static String member(JsonNode object, String lowerName) {
        JsonNode value = new Fields(object).get(lowerName);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The members of one ninjs object, looked up by lower-case name. */
    private static final class Fields {
        private static final Set<String> DRAFT_ARRAYS = Set.of("headline", "body");

        private final JsonNode node;
        private final Map<String, String> names = new HashMap<>();

        Fields(JsonNode node) {
            this.node = node;
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }

        /** The field's name as the document spelled it (the lower-case name when absent). */
        String name(String lowerName) {
            return names.getOrDefault(lowerName, lowerName);
        }

        boolean has(String lowerName) {
            JsonNode value = get(lowerName);
            return value != null && !value.isNull();
        }

        JsonNode get(String lowerName) {
            String name = names.get(lowerName);
            return name == null ? null : node.get(name);
        }

        /** A string field; for {@code headline} and {@code body}, the draft 2.0 array form counts as absent here. */
        String text(String lowerName) {
            JsonNode value = get(lowerName);
            if (value != null && value.isArray() && DRAFT_ARRAYS.contains(lowerName)) {
                return null;
            }
            return NativeArticleReader.text(node, name(lowerName));
        }

        /**
         * {@code headline} or {@code body} as an array of parts: drafts of ninjs 2.0, still among the
         * standard's published examples, used these names before settling on headlines and bodies.
         */
        List<JsonNode> draftArray(String lowerName) {
            JsonNode value = get(lowerName);
            return value != null && value.isArray() ? objects(lowerName) : List.of();
        }

        Instant instant(String lowerName) {
            String value = text(lowerName);
            if (value == null || value.isBlank()) {
                return null;
            }
            return FeedDates.parse(value).orElseThrow(() -> NativeArticleReader.invalid(name(lowerName),
                    name(lowerName) + " must be " + FeedDates.expected() + "; got \"" + value + "\""));
        }

        /** The objects of an array field; anything but an array of objects is refused. */
        List<JsonNode> objects(String lowerName) {
            JsonNode value = get(lowerName);
            if (value == null || value.isNull()) {
                return List.of();
            }
            String field = name(lowerName);
            if (!value.isArray()) {
                throw NativeArticleReader.invalid(field, field + " must be an array of objects, got "
                        + NativeArticleReader.kind(value));
            }
            List<JsonNode> objects = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isObject()) {
                    throw NativeArticleReader.invalid(field, field + "[" + i + "] must be an object, got "
                            + NativeArticleReader.kind(value.get(i)));
                }
                objects.add(value.get(i));
            }
            return objects;
        }
    }
}
