package dev.newsflow.enrich.text;

import java.time.Instant;

/**
 * What cleaning a page or a scraped text yields.
 *
 * @param title       the headline found, or null
 * @param body        the story text, paragraphs separated by a blank line
 * @param byline      the author line found, or null
 * @param publishedAt a date the page itself shows (meta data or a date banner), or null
 * @param language    the language the page declares ({@code <html lang>}), a hint for when the text
 *                    is too short to tell, or null
 */
public record CleanText(String title, String body, String byline, Instant publishedAt, String language) {

    /** Text that declares no language, as scraped plain text and feed text are. */
    CleanText(String title, String body, String byline, Instant publishedAt) {
        this(title, body, byline, publishedAt, null);
    }
}
