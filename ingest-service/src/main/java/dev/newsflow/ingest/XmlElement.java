package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An element of a parsed document together with its path from the root, such as
 * {@code newsMessage/itemSet/newsItem[2]/contentMeta/urgency}, so every error can name the element at fault.
 * Children are found by local name: NewsML-G2 documents come with and without the NAR namespace prefix.
 *
 * @param element the DOM element
 * @param path    where it is, for error messages
 */
record XmlElement(Element element, String path) {

    static XmlElement root(Element element) {
        return new XmlElement(element, element.getLocalName());
    }

    String name() {
        return element.getLocalName();
    }

    /** The first child element with this local name. */
    Optional<XmlElement> child(String localName) {
        List<XmlElement> children = children(localName);
        return children.isEmpty() ? Optional.empty() : Optional.of(children.getFirst());
    }

    /** The child elements with this local name, or every child element for {@code "*"}. */
    List<XmlElement> children(String localName) {
        List<Element> matches = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && (localName.equals("*") || localName.equals(child.getLocalName()))) {
                matches.add(child);
            }
        }
        Map<String, Integer> totals = new HashMap<>();
        matches.forEach(m -> totals.merge(m.getLocalName(), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<XmlElement> children = new ArrayList<>(matches.size());
        for (Element child : matches) {
            String name = child.getLocalName();
            int position = seen.merge(name, 1, Integer::sum);
            // Numbered among same-named siblings, as XPath does, and only when there are several.
            String step = totals.get(name) > 1 ? name + "[" + position + "]" : name;
            children.add(new XmlElement(child, path + "/" + step));
        }
        return children;
    }

    /** The trimmed text of a child element, when it is present and not blank. */
    Optional<String> childText(String localName) {
        return child(localName).flatMap(XmlElement::text);
    }

    /** This element's text content, trimmed, when not blank. */
    Optional<String> text() {
        return nonBlank(element.getTextContent());
    }

    /** An attribute without namespace, trimmed, when present and not blank. */
    Optional<String> attribute(String name) {
        return nonBlank(element.getAttribute(name));
    }

    /** A 400 naming this element, or one of its attributes when {@code attribute} is given. */
    ProblemException invalid(String attribute, String detail) {
        String where = attribute == null ? path : path + "/@" + attribute;
        return new ProblemException(Problem.of(400, "Bad Request", where + ": " + detail).with("element", where));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
