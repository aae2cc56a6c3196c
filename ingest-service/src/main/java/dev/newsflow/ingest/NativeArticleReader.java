package dev.newsflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and validates one native article (DESIGN.md, "Native article") from its JSON tree.
 * Each refusal is a 400 whose problem names the {@code field}. Unknown fields are ignored so
 * feeds can send more than we read; JSON {@code null} counts as absent.
 */
final class NativeArticleReader {

    static final String CONTENT_TYPE = "application/json";

    private NativeArticleReader() {
    }

    /** @throws ProblemException 400 naming the first invalid field */
    static ParsedItem.Valid read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw invalid(null, "an article must be a JSON object, got " + kind(node));
        }
        String guid = text(node, "guid");
        String body = text(node, "body");
        String bodyHtml = text(node, "body_html");
        String url = url(node);
        PubStatus pubstatus = pubstatus(node, "pubstatus");
        boolean hasText = !isBlank(body) || !isBlank(bodyHtml);
        // A kill only has to say which story it withdraws; demanding its text would make feeds resend it.
        if (pubstatus == PubStatus.CANCELED) {
            if (!hasText && isBlank(guid) && isBlank(url)) {
                throw invalid("guid", "a canceled article needs a guid or url naming the story it withdraws");
            }
        } else if (!hasText) {
            throw invalid("body", "body or body_html is required and must not be blank");
        }
        Instant versionCreated = instant(node, "versioncreated");
        if (versionCreated == null) {
            versionCreated = instant(node, "version_created_at");
        }
        RawArticle article = RawArticle.builder()
                .source(text(node, "source")).guid(blankToNull(guid)).contentType(CONTENT_TYPE)
                .title(text(node, "title")).body(body).bodyHtml(bodyHtml).url(url)
                .language(text(node, "language")).byline(text(node, "byline"))
                .publishedAt(instant(node, "published_at")).versionCreatedAt(versionCreated)
                .subjects(strings(node, "subjects")).urgency(urgency(node, "urgency")).pubstatus(pubstatus)
                .build();
        return new ParsedItem.Valid(article, version(node));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field, field + " must be a string, got " + kind(value));
        }
        return value.textValue();
    }

    private static Long version(JsonNode node) {
        JsonNode value = node.get("version");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw invalid("version", "version must be a whole number of at least 0, got " + value);
        }
        return value.longValue();
    }

    static Integer urgency(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > 9) {
            throw invalid(field, field + " must be a whole number from 1 (most urgent) to 9, got " + value);
        }
        return value.intValue();
    }

    static PubStatus pubstatus(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return PubStatus.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be an ISO-8601 timestamp with a zone, such as "
                    + "2024-05-01T12:30:00Z or 2024-05-01T14:30:00+02:00; got \"" + value + "\"");
        }
    }

    private static String url(JsonNode node) {
        String value = text(node, "url");
        if (isBlank(value)) {
            return null;
        }
        String url = value.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            throw invalid("url", "url is not a valid URL: " + e.getMessage());
        }
        throw invalid("url", "url must be an absolute http or https URL, got \"" + value + "\"");
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(field, field + " must be an array of strings, got " + kind(value));
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual() || element.textValue().isBlank()) {
                throw invalid(field, field + "[" + i + "] must be a non-blank string, got " + kind(element));
            }
            list.add(element.textValue().strip());
        }
        return list;
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    static ProblemException invalid(String field, String detail) {
        Problem problem = Problem.of(400, "Bad Request", detail);
        return new ProblemException(field == null ? problem : problem.with("field", field));
    }
}
