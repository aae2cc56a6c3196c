package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;

/**
 * IPTC NewsML-G2: a {@code newsItem} is one article; a {@code newsMessage} carries several items in its
 * {@code itemSet} and is answered like an NDJSON batch, one result per item. Items other than newsItem
 * (packageItem, conceptItem...) carry no story text and are reported as refused items.
 *
 * <p>{@code application/xml} is also how feeds often arrive, so a document whose root is an RSS or Atom
 * feed is handed to the {@link FeedParser} rather than refused.
 */
public final class NewsmlG2Parser implements ArticleParser {

    static final String NEWS_MESSAGE = "application/vnd.iptc.g2.newsmessage+xml";
    static final String XML = "application/xml";

    @Override
    public Set<String> mediaTypes() {
        return Set.of(NewsItemReader.CONTENT_TYPE, NEWS_MESSAGE, XML);
    }

    @Override
    public ParsedPayload parse(byte[] body, MediaType type) {
        Document document = SafeXml.parse(body, type);
        XmlElement root = XmlElement.root(document.getDocumentElement());
        return switch (root.name()) {
            case "newsItem" -> ParsedPayload.single(NewsItemReader.read(root));
            case "newsMessage" -> ParsedPayload.batch(messageItems(root));
            case "rss", "RDF", "feed" -> {
                if (!type.type().equals(XML)) {
                    throw root.invalid(null, "an RSS or Atom feed is sent as " + FeedParser.RSS + " or " + FeedParser.ATOM);
                }
                yield FeedParser.read(document, root.name().equals("feed") ? FeedParser.ATOM : FeedParser.RSS);
            }
            default -> throw root.invalid(null, "the document must be a NewsML-G2 newsItem or newsMessage, not "
                    + root.name());
        };
    }

    private static List<ParsedItem> messageItems(XmlElement message) {
        List<XmlElement> elements = message.child("itemSet").map(set -> set.children("*")).orElse(List.of());
        if (elements.isEmpty()) {
            throw message.invalid(null, "the newsMessage holds no items: put newsItem elements in its itemSet");
        }
        ParsedPayload.checkItemCount(elements.size(), "items in the newsMessage");
        List<ParsedItem> items = new ArrayList<>(elements.size());
        for (XmlElement element : elements) {
            items.add(messageItem(element));
        }
        return items;
    }

    private static ParsedItem messageItem(XmlElement element) {
        if (!element.name().equals("newsItem")) {
            return new ParsedItem.Invalid(Problem.of(400, "Bad Request",
                            element.path() + ": only newsItem carries a story; " + element.name() + " is not ingested")
                    .with("element", element.path()));
        }
        try {
            return NewsItemReader.read(element);
        } catch (ProblemException e) {
            // One bad item must not refuse the others in the message.
            return new ParsedItem.Invalid(e.problem());
        }
    }
}
