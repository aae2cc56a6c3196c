package dev.newsflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.core.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Mutations that keep a payload well-formed, so they get past the syntax check into the readers that
 * interpret fields and elements: a value of the wrong kind or range, a renamed or repeated field or
 * element, a removed one. Byte-level mutations alone mostly end at the parser's first error.
 */
final class StructuredMutations {

    private static final String[] FIELDS = {
        "guid", "version", "title", "body", "body_html", "url", "language", "byline", "published_at", "subjects",
        "urgency", "pubstatus", "source", "uri", "headlines", "bodies", "headline", "body_text", "versioncreated",
        "versionCreated", "firstcreated", "embargoed", "embargoedUntil", "people", "places", "organisations",
        "subject", "person", "by", "located", "role", "value", "contenttype", "name", "code", "scheme", "literal",
        "text", "version_created_at",
    };

    private static final String[] ELEMENTS = {
        "newsItem", "newsMessage", "itemSet", "itemMeta", "contentMeta", "contentSet", "inlineXML", "inlineData",
        "pubStatus", "versionCreated", "firstCreated", "embargoed", "urgency", "subject", "name", "headline", "by",
        "creator", "located", "dateline", "language", "body.content", "p", "html", "item", "entry", "pubDate",
        "published", "updated", "description", "content", "summary", "guid", "id", "link", "category", "author",
        "title", "channel", "feed", "rss", "RDF", "date", "enclosure", "ttl", "image", "width", "height", "cloud",
        "skipHours", "hour", "skipDays", "day", "textInput", "textinput", "items", "Seq", "li", "source", "modified",
        "issued", "created", "updatePeriod", "updateFrequency", "updateBase", "creator", "expirationDate", "comments",
    };

    private static final String[] ATTRIBUTES = {
        "guid", "version", "qcode", "uri", "type", "typeuri", "contenttype", "tag", "href", "term", "isPermaLink",
        "xml:lang", "rel", "literal", "mode", "length", "rdf:about", "rdf:resource", "resource", "port", "url",
        "width", "domain", "xml:base",
    };

    private static final String[] VALUES = {
        "", " ", "0", "-1", "10", "1.5", "99999999999999999999", "2024-02-30T25:61:00Z", "2024", "2024-05",
        "24-05-01", "2024-05-01T12:00:00", "+999999999-12-31T23:59:59Z", "Tue, 31 Feb 2024 99:00:00 GMT",
        "Tue, 30 Apr 2024 12:30:00 XYZ", "NaN", "stat:canceled", "canceled", "withheld", "usable", "stat:", "javascript:x",
        "http://", "https://[::1", "https://example.com/%zz", "urn:", "cpnat:person", "cpnat:", "text/html",
        "application/xhtml+xml", "application/nitf+xml", "medtop:", "/", ":", "\u0001", "\uFFFE", "\uD800",
        "ünïcödé", "<p>markup</p>", "&amp;", "\n\n", "x".repeat(100_000), "base64", "escaped", "xml", "!!!=",
        "PHA+", "====", "text", "html", "xhtml", "application/octet-stream", "alternate", "enclosure", "-5", "abc",
        "#", "?a=%", "//example.com", "../../x", "file:///etc/passwd", "0.3", "1.0", "2.0",
    };

    private StructuredMutations() {
    }

    /** A JSON payload with one value, name or member changed; empty when the body is not JSON. */
    static Optional<byte[]> json(byte[] body, Random random) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return Optional.empty();
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            mutate(object, random);
        } else if (target instanceof ArrayNode array) {
            array.add(value(random, 0));
        }
        return Optional.of(root.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static void mutate(ObjectNode object, Random random) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() || random.nextInt(3) == 0
                ? FIELDS[random.nextInt(FIELDS.length)] : names.get(random.nextInt(names.size()));
        switch (random.nextInt(4)) {
            case 0 -> object.remove(name);
            case 1 -> object.set(FIELDS[random.nextInt(FIELDS.length)], object.has(name) ? object.get(name) : value(random, 0));
            default -> object.set(name, value(random, 0));
        }
    }

    private static JsonNode value(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 3 ? 6 : 9)) {
            case 0 -> nodes.textNode(VALUES[random.nextInt(VALUES.length)]);
            case 1 -> nodes.numberNode(random.nextInt(21) - 5);
            case 2 -> nodes.numberNode(new BigInteger(100, random));
            case 3 -> nodes.numberNode(random.nextDouble() * 1e300);
            case 4 -> nodes.booleanNode(random.nextBoolean());
            case 5 -> nodes.nullNode();
            case 6 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(FIELDS[random.nextInt(FIELDS.length)], value(random, depth + 1));
                }
                yield object;
            }
        };
    }

    /** An XML payload with one element or attribute changed; empty when the body is not well-formed XML. */
    static Optional<byte[]> xml(byte[] body, Random random) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            // Throws on fatal errors without the default handler's printing to stderr.
            builder.setErrorHandler(new DefaultHandler());
            document = builder.parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            // Not well-formed (or a DOCTYPE): this mutation does not apply, the caller picks another.
            return Optional.empty();
        }
        NodeList all = document.getElementsByTagName("*");
        Element element = (Element) all.item(random.nextInt(all.getLength()));
        try {
            mutate(document, element, random);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return Optional.of(out.toByteArray());
        } catch (Exception e) {
            // A value the DOM refuses (an invalid name or character): this mutation does not apply.
            return Optional.empty();
        }
    }

    private static void mutate(Document document, Element element, Random random) {
        Node parent = element.getParentNode();
        switch (random.nextInt(6)) {
            case 0 -> element.setTextContent(VALUES[random.nextInt(VALUES.length)]);
            case 1 -> element.setAttribute(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)], VALUES[random.nextInt(VALUES.length)]);
            case 2 -> {
                for (int i = new int[] {1, 10, 500}[random.nextInt(3)]; i > 0 && parent instanceof Element; i--) {
                    parent.insertBefore(element.cloneNode(true), element);
                }
            }
            case 3 -> {
                if (parent instanceof Element) {
                    parent.removeChild(element);
                }
            }
            case 4 -> document.renameNode(element, element.getNamespaceURI(), ELEMENTS[random.nextInt(ELEMENTS.length)]);
            default -> {
                Element child = document.createElementNS(element.getNamespaceURI(), ELEMENTS[random.nextInt(ELEMENTS.length)]);
                child.setTextContent(VALUES[random.nextInt(VALUES.length)]);
                element.appendChild(child);
            }
        }
    }
}
