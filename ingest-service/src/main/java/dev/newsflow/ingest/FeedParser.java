package dev.newsflow.ingest;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.newsflow.core.ProblemException;
import dev.newsflow.core.RawArticle;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Document;

/**
 * {@code application/rss+xml} and {@code application/atom+xml}: a feed document, read with Rome. Every
 * item (RSS) or entry (Atom) is an article and is answered on its own, like an NDJSON line.
 *
 * <p>Rome gets the document already parsed by {@link SafeXml}, so no DOCTYPE or entity ever reaches it.
 * Rome reads dates leniently and drops the ones it cannot read; a date the feed sent that Rome could not
 * read refuses that item, since an article silently losing its date would sort wrongly for ever after.
 */
public final class FeedParser implements ArticleParser {

    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";

    @Override
    public Set<String> mediaTypes() {
        return Set.of(RSS, ATOM);
    }

    @Override
    public ParsedPayload parse(byte[] body, MediaType type) {
        return read(SafeXml.parse(body, type), type.type());
    }

    /** The items of an already parsed feed document; {@code contentType} is what the articles record. */
    static ParsedPayload read(Document document, String contentType) {
        List<XmlElement> elements = FeedDateCheck.entryElements(document);
        // Before Rome builds its entries, which is where a feed of countless empty items costs most.
        ParsedPayload.checkItemCount(elements.size(), "items in the feed");
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw ProblemException.badRequest("not an RSS or Atom feed: " + e.getMessage());
        }
        List<SyndEntry> entries = feed.getEntries();
        if (entries.isEmpty()) {
            throw ProblemException.badRequest("the feed holds no items");
        }
        ParsedPayload.checkItemCount(entries.size(), "items in the feed");
        List<ParsedItem> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            XmlElement element = elements.size() == entries.size() ? elements.get(i) : null;
            items.add(item(feed, entries.get(i), element, contentType));
        }
        return ParsedPayload.batch(items);
    }

    private static ParsedItem item(SyndFeed feed, SyndEntry entry, XmlElement element, String contentType) {
        try {
            if (element != null) {
                FeedDateCheck.verify(element, entry);
            }
            return new ParsedItem.Valid(article(feed, entry, element, contentType), null);
        } catch (ProblemException e) {
            return new ParsedItem.Invalid(e.problem());
        }
    }

    private static RawArticle article(SyndFeed feed, SyndEntry entry, XmlElement element, String contentType) {
        String body = null;
        String html = null;
        List<SyndContent> contents = new ArrayList<>(entry.getContents());
        if (entry.getDescription() != null) {
            contents.add(entry.getDescription());
        }
        // Full content (content:encoded, atom:content) comes before the summary or description.
        for (SyndContent content : contents) {
            String value = blankToNull(content.getValue());
            if (value == null) {
                continue;
            }
            if (isHtml(content.getType())) {
                html = html != null ? html : value;
            } else {
                body = body != null ? body : value;
            }
        }
        if (body == null && html == null) {
            String detail = "the item carries no text: send a description, summary or content";
            throw element != null ? element.invalid(null, detail) : ProblemException.badRequest(detail);
        }
        Instant published = instant(entry.getPublishedDate());
        Instant updated = instant(entry.getUpdatedDate());
        return RawArticle.builder()
                .guid(blankToNull(entry.getUri())).contentType(contentType)
                .title(blankToNull(entry.getTitle())).body(body).bodyHtml(html).url(httpUrl(entry.getLink()))
                .language(blankToNull(feed.getLanguage())).byline(byline(entry))
                .publishedAt(published != null ? published : updated)
                // A feed is polled again and again: the same item must keep the same version, so replays change nothing.
                .versionCreatedAt(updated != null ? updated : published)
                .subjects(categories(entry))
                .build();
    }

    /** RSS descriptions are HTML by definition, and Rome leaves their type unset; Atom says "text", "html" or "xhtml". */
    private static boolean isHtml(String type) {
        return type == null || type.toLowerCase(Locale.ROOT).contains("html");
    }

    private static String byline(SyndEntry entry) {
        List<String> names = new ArrayList<>();
        for (SyndPerson person : entry.getAuthors()) {
            String name = blankToNull(person.getName());
            if (name != null) {
                names.add(name);
            }
        }
        return names.isEmpty() ? blankToNull(entry.getAuthor()) : String.join(", ", names);
    }

    private static List<String> categories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory category : entry.getCategories()) {
            String name = blankToNull(category.getName());
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** Only an absolute web link can stand for the story; anything else is dropped rather than refused. */
    private static String httpUrl(String link) {
        String value = blankToNull(link);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? value : null;
        } catch (URISyntaxException e) {
            // Feeds carry all sorts of links; a malformed one costs the article its URL, not its acceptance.
            return null;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
