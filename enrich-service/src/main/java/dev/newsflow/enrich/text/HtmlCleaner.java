package dev.newsflow.enrich.text;

import dev.newsflow.enrich.extract.ExtractedPage;
import dev.newsflow.enrich.extract.PageExtractor;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a web page ({@code text/html}) or a feed's HTML body. A page's story, headline, byline, date
 * and declared language come from {@link PageExtractor}; its paragraphs then lose the furniture lines
 * ("Advertisement", "Share this", a date banner) that sites leave between them, by the same rules as
 * scraped plain text.
 */
final class HtmlCleaner {

    private final PageExtractor extractor = new PageExtractor();
    private final LineClassifier lines;

    HtmlCleaner(PlainTextCleaner text) {
        this.lines = text.lines();
    }

    /** A whole page: its headline, story text, byline, publication date and declared language. */
    CleanText cleanPage(String html) {
        ExtractedPage page = extractor.extract(html);
        List<String> paragraphs = untilClosingMatter(PlainTextCleaner.paragraphs(page.body()));
        List<String> story = paragraphs.stream().filter(p -> !lines.isFurniture(p)).toList();
        // Never lose the whole story to the furniture rules: a page of short lines keeps them.
        String body = String.join("\n\n", story.isEmpty() ? paragraphs : story);
        return new CleanText(page.title(), body, page.byline(), page.publishedAt(), page.language());
    }

    /**
     * The paragraphs before a heading that opens the page's closing matter ("Related stories",
     * "Comments"), once the story has begun: what follows such a heading is other stories or readers'.
     */
    private List<String> untilClosingMatter(List<String> paragraphs) {
        boolean storyBegun = false;
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            if (storyBegun && lines.isClosingSection(p)) {
                return paragraphs.subList(0, i);
            }
            storyBegun |= lines.isProse(p);
        }
        return paragraphs;
    }

    /** The text of an HTML fragment a feed sent as the story body; paragraphs kept, nothing dropped. */
    String fragmentText(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, noscript, template, iframe").remove();
        return String.join("\n\n", PlainTextCleaner.paragraphs(blockText(doc.body())));
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
