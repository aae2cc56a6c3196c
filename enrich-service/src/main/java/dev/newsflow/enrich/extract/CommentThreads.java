package dev.newsflow.enrich.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Readers' comments under a story: long prose, so every scoring takes them for story text. Sites
 * mark the thread's container by name ({@code id="comments"}, {@code class="comment-list"},
 * Disqus), which is what is looked for here, as Readability and trafilatura do.
 */
final class CommentThreads {

    /** A whole word of an id or class list: "comments", "comment-list", "disqus_thread", "respond". */
    private static final String NAMES = "(?i)(^|.*[-_\\s])(comments?|commentlist|comment-list|disqus|disqus_thread|respond|replies)([-_\\s].*|$)";
    /** A container holding this share of the page's text is the page itself, whatever it is called. */
    private static final double MAX_SHARE_OF_PAGE = 0.5;

    private CommentThreads() {
    }

    /** Removes the comment threads from the page. */
    static void remove(Document doc) {
        if (doc.body() == null) {
            return;
        }
        int pageChars = doc.body().text().length();
        for (Element e : doc.body().select("[id~=" + NAMES + "], [class~=" + NAMES + "]")) {
            if (e.parent() != null && e.selectFirst("article, h1") == null
                    && e.text().length() < MAX_SHARE_OF_PAGE * pageChars) {
                e.remove();
            }
        }
    }
}
