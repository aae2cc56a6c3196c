package dev.newsflow.ingest;

import com.rometools.rome.feed.synd.SyndEntry;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * Catches the dates Rome could not read. Rome answers an unparseable {@code pubDate} or {@code updated}
 * with no date at all; comparing its entries with the document's own item elements tells a missing date
 * from a malformed one, which is refused naming the element.
 */
final class FeedDateCheck {

    private FeedDateCheck() {
    }

    /** The item (RSS 2.0, RSS 1.0) or entry (Atom) elements, in document order: the order of Rome's entries. */
    static List<XmlElement> entryElements(Document document) {
        XmlElement root = XmlElement.root(document.getDocumentElement());
        List<XmlElement> entries = new ArrayList<>();
        switch (root.name()) {
            case "rss" -> root.child("channel").ifPresent(channel -> entries.addAll(channel.children("item")));
            case "RDF" -> entries.addAll(root.children("item"));
            case "feed" -> entries.addAll(root.children("entry"));
            default -> {
                // Rome accepted a root it knows and we do not; its dates go unchecked rather than the feed refused.
            }
        }
        return entries;
    }

    /** @throws dev.newsflow.core.ProblemException 400 naming the date element Rome could not read */
    static void verify(XmlElement element, SyndEntry entry) {
        check(element, "pubDate", entry.getPublishedDate());
        check(element, "date", entry.getPublishedDate());
        check(element, "published", entry.getPublishedDate());
        check(element, "updated", entry.getUpdatedDate());
    }

    private static void check(XmlElement element, String name, Date parsed) {
        Optional<XmlElement> date = element.child(name);
        Optional<String> text = date.flatMap(XmlElement::text);
        if (text.isPresent() && parsed == null) {
            throw date.get().invalid(null, name + " \"" + text.get() + "\" is not a date this feed format allows "
                    + "(RSS: RFC 822 such as Tue, 01 May 2024 12:30:00 GMT; Atom: RFC 3339 such as 2024-05-01T12:30:00Z)");
        }
    }
}
