package dev.newsflow.ingest;

import dev.newsflow.core.ProblemException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
     * Parses a payload: decoded first ({@link XmlEncoding}), then counted ({@link XmlLimits}), then built.
     *
     * @throws ProblemException 400 naming the line and column of the first error, for malformed XML
     *         and for any DOCTYPE; 413 for too many elements; 415 for an encoding not accepted
     */
    static Document parse(byte[] body, MediaType type) {
        String document = XmlEncoding.decode(body, type);
        XmlLimits.check(document);
        InputSource input = new InputSource(new StringReader(document));
        try {
            return builder().parse(input);
        } catch (SAXParseException e) {
            throw XmlLimits.malformed(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        } catch (SAXException e) {
            throw ProblemException.badRequest("malformed XML: " + e.getMessage());
        } catch (IOException e) {
            // The text is in memory, already decoded: a read cannot fail.
            throw new UncheckedIOException(e);
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
            // A second guard behind XmlLimits, which has already refused anything deeper.
            factory.setAttribute("jdk.xml.maxElementDepth", XmlLimits.MAX_DEPTH);
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
