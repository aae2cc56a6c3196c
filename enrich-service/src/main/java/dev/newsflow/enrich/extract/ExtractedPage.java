package dev.newsflow.enrich.extract;

import java.time.Instant;
import java.util.List;

/**
 * What {@link PageExtractor} finds in a web page.
 *
 * @param title       the story's headline without the site's name, or null
 * @param paragraphs  the story text, one entry per block of the page; empty only when the page shows no text
 * @param byline      the author(s) the page names, or null
 * @param publishedAt the publication date the page's meta data gives, or null
 * @param language    the page's declared language ({@code <html lang>}, JSON-LD, og:locale) as a bare
 *                    lower-case code such as "en", or null
 */
public record ExtractedPage(String title, List<String> paragraphs, String byline, Instant publishedAt, String language) {

    public ExtractedPage {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The story text, paragraphs separated by a blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
