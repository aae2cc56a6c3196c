package dev.newsflow.ingest;

import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The story text of a NewsML-G2 {@code contentSet}: the first plain-text and the first HTML rendition.
 * XHTML in {@code inlineXML} and HTML in {@code inlineData} are kept as markup for enrich-service to clean;
 * other inline XML (NITF) is read down to its paragraphs here, since enrich-service knows only HTML and text.
 *
 * @param body plain text, paragraphs separated by a blank line
 * @param html HTML or XHTML markup
 */
record NewsItemText(String body, String html) {

    static final NewsItemText NONE = new NewsItemText(null, null);

    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    /** Marks paragraph ends while walking, so they survive the white-space clean-up of the text between them. */
    private static final char PARAGRAPH = '\u2029';

    boolean isEmpty() {
        return body == null && html == null;
    }

    static NewsItemText of(XmlElement contentSet) {
        String body = null;
        String html = null;
        for (XmlElement content : contentSet.children("*")) {
            String type = content.attribute("contenttype").orElse("");
            if (content.name().equals("inlineXML")) {
                if (isXhtml(content, type)) {
                    html = html != null ? html : nonBlank(SafeXml.serializeChildren(content.element())).orElse(null);
                } else {
                    body = body != null ? body : paragraphs(content.element()).orElse(null);
                }
            } else if (content.name().equals("inlineData")) {
                Optional<String> data = content.text();
                if (type.contains("html")) {
                    html = html != null ? html : data.orElse(null);
                } else {
                    body = body != null ? body : data.orElse(null);
                }
            }
        }
        return new NewsItemText(body, html);
    }

    private static boolean isXhtml(XmlElement content, String type) {
        if (type.contains("html")) {
            return true;
        }
        return content.children("*").stream().anyMatch(child -> XHTML_NS.equals(child.element().getNamespaceURI())
                || child.name().equals("html"));
    }

    /** The text of inline XML, paragraph by paragraph; NITF's body.content when present, so heads are left out. */
    private static Optional<String> paragraphs(Element inline) {
        Element root = find(inline, "body.content").orElse(inline);
        StringBuilder text = new StringBuilder();
        collect(root, text);
        StringBuilder joined = new StringBuilder();
        for (String paragraph : text.toString().split(String.valueOf(PARAGRAPH))) {
            String clean = paragraph.replaceAll("\\s+", " ").strip();
            if (!clean.isEmpty()) {
                joined.append(joined.isEmpty() ? "" : "\n\n").append(clean);
            }
        }
        return nonBlank(joined.toString());
    }

    private static void collect(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            } else if (child instanceof Element element) {
                boolean block = isBlock(element.getLocalName());
                if (block) {
                    text.append(PARAGRAPH);
                }
                collect(element, text);
                if (block) {
                    text.append(PARAGRAPH);
                }
            }
        }
    }

    /** Elements that end a paragraph in NITF and similar story markup; inline ones (em, person) do not. */
    private static boolean isBlock(String name) {
        return switch (name) {
            case "p", "hl1", "hl2", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "block", "br", "tr",
                 "byline", "dateline", "title", "pre", "blockquote", "bq" -> true;
            default -> false;
        };
    }

    private static Optional<Element> find(Element element, String localName) {
        if (localName.equals(element.getLocalName())) {
            return Optional.of(element);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                Optional<Element> found = find(e, localName);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
