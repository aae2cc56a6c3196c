package dev.newsflow.enrich;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a web page ({@code text/html}) or a feed's HTML body with jsoup: headline from {@code <h1>},
 * {@code og:title} or {@code <title>}; author and date from the page's meta data; text from the main
 * content element, with scripts, navigation, headers and footers removed and block elements kept as
 * paragraphs. Page text then goes through the same furniture rules as scraped plain text.
 */
final class HtmlCleaner {

    /** Elements that never hold story text. */
    private static final String CHROME = "script, style, noscript, template, iframe, svg, canvas, form, button, "
            + "nav, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], "
            + "[aria-hidden=true], [hidden]";
    /** " | Site Name", " - Site Name" after a page title. */
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|\\-–—·:]\\s+[^|\\-–—·:]{1,60}$");

    private final PlainTextCleaner text;

    HtmlCleaner(PlainTextCleaner text) {
        this.text = text;
    }

    /** A whole page: its headline, story text, byline and publication date as far as the page tells them. */
    CleanText cleanPage(String html) {
        Document doc = Jsoup.parse(html);
        String title = title(doc);
        String byline = byline(doc);
        Instant published = published(doc);
        doc.select(CHROME).remove();
        // The page's own header holds the logo and menus; an article's header holds its headline and byline.
        doc.select("header").stream().filter(h -> h.closest("article") == null).forEach(Element::remove);
        CleanText cleaned = text.clean(blockText(mainContent(doc)), title);
        return new CleanText(cleaned.title(),
                cleaned.body(),
                byline != null ? byline : cleaned.byline(),
                published != null ? published : cleaned.publishedAt());
    }

    /** The text of an HTML fragment a feed sent as the story body; paragraphs kept, nothing dropped. */
    String fragmentText(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, noscript, template, iframe").remove();
        return String.join("\n\n", PlainTextCleaner.paragraphs(blockText(doc.body())));
    }

    private static String title(Document doc) {
        Optional<String> h1 = doc.select("h1").stream().map(Element::text).filter(t -> !t.isBlank()).findFirst();
        if (h1.isPresent()) {
            return h1.get().strip();
        }
        String og = doc.select("meta[property=og:title]").attr("content");
        if (!og.isBlank()) {
            return og.strip();
        }
        String title = doc.title().strip();
        String withoutSite = TITLE_SUFFIX.matcher(title).replaceFirst("");
        // Only cut when a real headline is left; "News - BBC" is no better as "News".
        return title.isEmpty() ? null : Words.count(withoutSite) >= 3 ? withoutSite : title;
    }

    private static String byline(Document doc) {
        return Stream.of(
                        doc.select("meta[name=author]").attr("content"),
                        doc.select("meta[property=article:author]").attr("content"),
                        doc.select("[itemprop=author] [itemprop=name], [itemprop=author], [rel=author], .byline").text())
                .map(String::strip)
                .filter(a -> !a.isEmpty() && !a.startsWith("http"))
                .map(a -> a.replaceFirst("^(?i)by\\s+", ""))
                .findFirst()
                .orElse(null);
    }

    private static Instant published(Document doc) {
        return Stream.of(
                        doc.select("meta[property=article:published_time]").attr("content"),
                        doc.select("meta[itemprop=datePublished]").attr("content"),
                        doc.select("[itemprop=datePublished]").attr("datetime"),
                        doc.select("meta[name=date], meta[name=pubdate], meta[name=dc.date]").attr("content"),
                        doc.select("time[datetime]").attr("datetime"))
                .map(HtmlCleaner::instant)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null);
    }

    private static Optional<Instant> instant(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException notAnOffsetDateTime) {
            try {
                return Optional.of(LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v)
                        .atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                // Pages put all sorts of text in date fields; one we cannot read is treated as absent.
                return Optional.empty();
            }
        }
    }

    /** The element holding the story: the largest {@code <article>}, else {@code <main>}, else the body. */
    private static Element mainContent(Document doc) {
        List<Element> articles = doc.select("article");
        if (!articles.isEmpty()) {
            return articles.stream().max(Comparator.comparingInt(e -> e.text().length())).orElseThrow();
        }
        Element main = doc.selectFirst("main, [role=main], [itemprop=articleBody]");
        return main != null ? main : doc.body();
    }

    /** The element's text with a line break around each block element, so paragraphs stay apart. */
    private static String blockText(Element root) {
        StringBuilder out = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                // A <br> breaks a line, not a paragraph: one line break only.
                if (node instanceof Element e && e.isBlock() && !e.nameIs("br")) {
                    out.append('\n');
                }
            }
        });
        return out.toString();
    }
}
