package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.io.StringReader;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One streaming pass over a decoded document that counts what a parser would build (elements, depth,
 * attributes per element, the characters of one text or attribute) and stops at the first limit, before
 * the DOM is built. It counts parse events, not bytes, so the same document costs the same in any
 * encoding. A DOCTYPE is refused here too: without one there are no entities, so no text can grow
 * beyond the request that carried it.
 */
final class XmlLimits {

    /**
     * The most elements a document may hold. A DOM costs some 200 bytes per node, so 5 MiB of {@code <x/>}
     * would be 1.3 million nodes, 300 MiB of heap and ten seconds of parsing; a feed of a thousand rich
     * items has a tenth of this bound.
     */
    static final int MAX_ELEMENTS = 250_000;

    /** Deeper than any real news document; bounds the recursion of code that walks the tree. */
    static final int MAX_DEPTH = 200;

    /** NewsML-G2's busiest elements carry a dozen attributes. */
    static final int MAX_ATTRIBUTES = 100;

    /** One attribute value; a story's text is element content and is bounded only by the request size. */
    static final int MAX_ATTRIBUTE_CHARS = 64 * 1024;

    private XmlLimits() {
    }

    /**
     * @throws ProblemException 413 for too many elements, 400 naming line and column for too deep a
     *         nesting, too many or too long attributes, a DOCTYPE, or malformed XML
     */
    static void check(String document) {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new StringReader(document));
            int elements = 0;
            int depth = 0;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS) {
                            throw new ProblemException(Problem.of(413, "Content Too Large", "the document holds more than "
                                            + MAX_ELEMENTS + " elements; send fewer items per request")
                                    .with("max_elements", MAX_ELEMENTS));
                        }
                        if (++depth > MAX_DEPTH) {
                            throw at(reader.getLocation(), "elements nest deeper than " + MAX_DEPTH + " levels");
                        }
                        checkAttributes(reader);
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.DTD -> throw at(reader.getLocation(),
                            "a DOCTYPE is not allowed in a feed document");
                    default -> {
                        // Text, comments and processing instructions are bounded by the request size.
                    }
                }
            }
        } catch (XMLStreamException e) {
            Location location = e.getLocation();
            if (location == null) {
                throw ProblemException.badRequest("malformed XML: " + e.getMessage());
            }
            throw at(location, e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""));
        } finally {
            close(reader);
        }
    }

    private static void checkAttributes(XMLStreamReader reader) {
        int count = reader.getAttributeCount();
        if (count > MAX_ATTRIBUTES) {
            throw at(reader.getLocation(), "an element has " + count + " attributes, more than " + MAX_ATTRIBUTES);
        }
        for (int i = 0; i < count; i++) {
            if (reader.getAttributeValue(i).length() > MAX_ATTRIBUTE_CHARS) {
                throw at(reader.getLocation(), "attribute " + reader.getAttributeLocalName(i) + " is longer than "
                        + MAX_ATTRIBUTE_CHARS + " characters");
            }
        }
    }

    private static ProblemException at(Location location, String what) {
        return malformed(location.getLineNumber(), location.getColumnNumber(), what);
    }

    /** The 400 for a document that breaks XML's rules or ours, naming where. */
    static ProblemException malformed(int line, int column, String what) {
        return new ProblemException(Problem.of(400, "Bad Request",
                        "malformed XML at line " + line + ", column " + column + ": " + what)
                .with("line", line)
                .with("column", column));
    }

    private static XMLInputFactory factory() {
        // A new factory per document: cheap, and factories are not documented as thread-safe.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Closing a reader over a String releases nothing; an error here cannot lose data.
            throw new IllegalStateException("closing an in-memory XML reader failed", e);
        }
    }
}
