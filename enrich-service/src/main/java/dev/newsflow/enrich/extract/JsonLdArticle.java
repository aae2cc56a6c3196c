package dev.newsflow.enrich.extract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article a page describes in schema.org JSON-LD ({@code <script type="application/ld+json">}):
 * news sites put the clean headline, author, date and often the whole story text there for search
 * engines. Any field may be null.
 *
 * @param headline    {@code headline} or {@code name}
 * @param body        {@code articleBody}
 * @param author      the {@code author} names, joined with " and "
 * @param published   {@code datePublished} as written
 * @param language    {@code inLanguage} as written
 * @param publisher   the {@code publisher}'s name
 */
record JsonLdArticle(String headline, String body, String author, String published, String language,
                     String publisher) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Pages nest their graphs a few levels deep; anything past this is not an article description. */
    private static final int MAX_NODES = 5_000;

    static Optional<JsonLdArticle> of(Document doc) {
        JsonNode best = null;
        for (Element script : doc.select("script[type=application/ld+json]")) {
            for (JsonNode node : articleNodes(script.data())) {
                if (best == null || text(node, "articleBody").length() > text(best, "articleBody").length()) {
                    best = node;
                }
            }
        }
        return Optional.ofNullable(best).map(JsonLdArticle::from);
    }

    private static JsonLdArticle from(JsonNode node) {
        return new JsonLdArticle(
                blankToNull(text(node, "headline").isBlank() ? text(node, "name") : text(node, "headline")),
                blankToNull(text(node, "articleBody")),
                blankToNull(String.join(" and ", names(node.get("author")))),
                blankToNull(text(node, "datePublished")),
                blankToNull(node.path("inLanguage").isTextual() ? node.path("inLanguage").asText()
                        : text(node.path("inLanguage"), "alternateName")),
                blankToNull(text(node.path("publisher"), "name")));
    }

    /** Objects typed as an article (NewsArticle, BlogPosting, ReportageNewsArticle...), searched breadth first. */
    private static List<JsonNode> articleNodes(String json) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException malformed) {
            // Broken or over-deep JSON-LD is common; the page's other signals still stand.
            return found;
        }
        Deque<JsonNode> queue = new ArrayDeque<>();
        if (root != null) {
            queue.add(root);
        }
        int seen = 0;
        while (!queue.isEmpty() && seen++ < MAX_NODES) {
            JsonNode node = queue.poll();
            if (node.isObject() && isArticle(node.get("@type"))) {
                found.add(node);
            }
            if (node.isContainerNode()) {
                node.forEach(queue::add);
            }
        }
        return found;
    }

    private static boolean isArticle(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticle(t)) {
                    return true;
                }
            }
            return false;
        }
        String t = type.asText().toLowerCase(Locale.ROOT);
        return t.endsWith("article") || t.equals("blogposting") || t.equals("report") || t.equals("liveblogposting");
    }

    private static List<String> names(JsonNode author) {
        List<String> out = new ArrayList<>();
        if (author == null) {
            return out;
        }
        if (author.isArray()) {
            author.forEach(a -> out.addAll(names(a)));
        } else if (author.isTextual()) {
            out.add(author.asText().strip());
        } else if (author.has("name")) {
            out.add(text(author, "name"));
        }
        return out.stream().filter(n -> !n.isBlank() && !n.startsWith("http")).distinct().toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText().strip() : "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
