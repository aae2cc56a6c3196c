package dev.newsflow.bench;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * A corpus story as a news site would serve it: the story's headline, byline and paragraphs in an
 * {@code <article>}, amid what article extraction has to leave out: a menu, a share bar, a list of
 * other stories, a cookie note and a footer. The bench times extraction on these pages.
 */
final class CorpusPage {

    private CorpusPage() {
    }

    /** The page, with {@code others}' headlines as the "more stories" list. */
    static String of(CorpusArticle article, List<CorpusArticle> others) {
        StringBuilder page = new StringBuilder(article.body().length() * 2);
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(article.title())).append(" | The Bench Gazette</title>")
                .append("<meta property=\"og:title\" content=\"").append(escape(article.title())).append("\">")
                .append("<meta property=\"article:published_time\" content=\"").append(article.publishedAt()).append("\">")
                .append("<script>window.metrics = {page: 'story'};</script></head><body>")
                .append("<div class=\"cookie-note\">We use cookies to measure our audience. <button>Accept</button></div>")
                .append("<header><a href=\"/\">The Bench Gazette</a><nav><ul>");
        for (String section : List.of("Home", "World", "Business", "Sport", "Science", "Culture", "Newsletters")) {
            page.append("<li><a href=\"/").append(section.toLowerCase(Locale.ROOT)).append("\">")
                    .append(section).append("</a></li>");
        }
        page.append("</ul></nav></header><main><article><h1>").append(escape(article.title())).append("</h1>")
                .append("<div class=\"byline\">").append(escape(article.byline())).append("</div>")
                .append("<time datetime=\"").append(article.publishedAt()).append("\"></time>")
                .append("<div class=\"share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Email</a></div>");
        for (String paragraph : article.body().split("\n\n")) {
            page.append("<p>").append(escape(paragraph)).append("</p>");
        }
        page.append("</article><aside><h2>More stories</h2><ul>");
        for (CorpusArticle other : others) {
            page.append("<li><a href=\"/").append(other.guid()).append("\">").append(escape(other.title())).append("</a></li>");
        }
        return page.append("</ul></aside></main><footer>© The Bench Gazette. All rights reserved.</footer></body></html>")
                .toString();
    }

    private static String escape(String text) {
        return Entities.escape(text == null ? "" : text);
    }
}
