package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one way feed XML is read: the JDK's DOM parser with every door to the outside shut. A document
 * with a DOCTYPE is refused outright, which rules out external entities (XXE, reading local files or
 * URLs) and entity-expansion bombs before a single entity is declared; XInclude is off, and the secure
 * processing limits bound what is left. Rome is handed the parsed {@link Document}, never the bytes,
 * so it cannot parse the feed with settings of its own.
 */
final class SafeXml {

    /** Deeper than any real news document; bounds the recursion of code that walks the tree. */
    private static final int MAX_ELEMENT_DEPTH = 200;

    /**
     * The most '<' a document may hold. A DOM costs some 200 bytes per node, so 5 MiB of {@code <x/>}
     * became 1.3 million nodes, 300 MiB of heap and ten seconds of parsing; a feed of a thousand rich
     * items has a tenth of this bound. Counting bytes overcounts in CDATA and comments, which is harmless.
     */
    static final int MAX_TAGS = 250_000;

    /**
     * The default handler prints to stderr and carries on after recoverable errors; here every error
     * stops the parse and becomes the 400. Warnings (such as an unknown encoding alias) do not.
     */
    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // A warning leaves the document readable; it is not the feed's error to answer.
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private SafeXml() {
    }

    /**
     * Parses a payload. Without a charset in the Content-Type, the document's own byte order mark or
     * XML declaration decides, as XML intends; with one, the header wins (RFC 7303).
     *
     * @throws ProblemException 400 naming the line and column of the first error, for malformed XML
     *         and for any DOCTYPE
     */
    static Document parse(byte[] body, MediaType type) {
        checkTagCount(body);
        InputSource input = new InputSource(new ByteArrayInputStream(body));
        type.charset().ifPresent(charset -> input.setEncoding(charset.name()));
        try {
            return builder().parse(input);
        } catch (SAXParseException e) {
            throw new ProblemException(Problem.of(400, "Bad Request",
                            "malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                                    + e.getMessage())
                    .with("line", e.getLineNumber())
                    .with("column", e.getColumnNumber()));
        } catch (SAXException e) {
            throw ProblemException.badRequest("malformed XML: " + e.getMessage());
        } catch (IOException e) {
            // The bytes are in memory; an I/O error here is the parser's way of reporting bad encoding.
            throw ProblemException.badRequest("the XML could not be read: " + e.getMessage());
        }
    }

    /** @throws ProblemException 413 when the body holds more than {@link #MAX_TAGS} '<' bytes */
    private static void checkTagCount(byte[] body) {
        int tags = 0;
        for (byte b : body) {
            // In UTF-16 '<' is 0x3C beside a zero byte, so this counts it there too (with some overcounting).
            if (b == '<' && ++tags > MAX_TAGS) {
                throw new ProblemException(Problem.of(413, "Content Too Large", "the document holds more than "
                                + MAX_TAGS + " tags; send fewer items per request").with("max_tags", MAX_TAGS));
            }
        }
    }

    /** The markup of a node's children, as written in the document (namespace declarations included). */
    static String serializeChildren(Node parent) {
        try {
            Transformer transformer = transformerFactory().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                transformer.transform(new DOMSource(child), new StreamResult(out));
            }
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("a parsed DOM node could not be written back: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            // A new factory per parse: factories are not thread-safe, and newDefaultInstance skips the service lookup.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("jdk.xml.maxElementDepth", MAX_ELEMENT_DEPTH);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ERROR);
            // Unreachable with DOCTYPEs refused; kept so no future setting change can open the network or disk.
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not resolved (" + systemId + ")");
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required safety feature: " + e.getMessage(), e);
        }
    }

    private static TransformerFactory transformerFactory() {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }
}
