package dev.newsflow.enrich.text;

import dev.newsflow.core.RawArticle;
import java.util.Locale;

/**
 * The headline and story text of a raw article, by its content type: web pages and scraped text are
 * cleaned of what the site put around the story, feed text is taken as the feed sent it.
 * Thread-safe, so one instance serves every stream thread.
 */
public final class TextCleaner {

    private final PlainTextCleaner plainText = new PlainTextCleaner(new LineClassifier(new TextDateFinder()));
    private final HtmlCleaner html = new HtmlCleaner(plainText);

    /** The article's text; its body is empty, never null, when the article carries no text. */
    public CleanText clean(RawArticle raw) {
        String type = raw.contentType() == null ? "" : raw.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html")) {
            String page = isBlank(raw.bodyHtml()) ? blankToNull(raw.body()) : raw.bodyHtml().strip();
            return page == null ? new CleanText(raw.title(), "", null, null) : html.cleanPage(page);
        }
        if (type.startsWith("text/plain") && raw.body() != null) {
            return plainText.clean(raw.body(), raw.title());
        }
        String body = !isBlank(raw.body())
                ? String.join("\n\n", PlainTextCleaner.paragraphs(raw.body()))
                : raw.bodyHtml() != null ? html.fragmentText(raw.bodyHtml()) : "";
        return new CleanText(blankToNull(raw.title()), body, null, null);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
