package dev.newsflow.enrich.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the lines of a scraped page apart: story prose, page furniture (date banners, bullets,
 * navigation and sharing links), section headings that start the page's closing matter, bylines.
 * The rules look at the shape of a line (length, punctuation, leading bullet) and a short list of
 * words sites use for their chrome, so they fit pages in general rather than one site.
 */
final class LineClassifier {

    /** A paragraph of the story has at least this many words and ends a sentence. */
    static final int PROSE_MIN_WORDS = 12;
    /** Navigation, sharing and section-heading lines are shorter than this. */
    private static final int SHORT_LINE_MAX_WORDS = 6;
    private static final int BULLET_MAX_WORDS = 8;
    private static final int BYLINE_MAX_WORDS = 8;

    private static final Pattern BULLET = Pattern.compile("^[•·▪►▶»*‣◦●■○□✓✔>\\-–—]+\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’»)\\]]*$");
    private static final Pattern NO_LETTERS = Pattern.compile("^[^\\p{L}\\p{N}]*$");

    /** Chrome a site puts between or around paragraphs; only short lines are matched against it. */
    private static final Pattern CHROME = Pattern.compile(
            "^(advertisement|advertising|sponsored( content)?|share( this)?( article| story| on \\w+)?|tweet|print"
                    + "|e-?mail|click here\\b.*|read more\\b.*|also read\\b.*|see also\\b.*|subscribe\\b.*"
                    + "|sign (up|in)\\b.*|log ?in|register|follow us\\b.*|skip to( main)? content|menu|home|search"
                    + "|comments?( \\(\\d+\\))?|\\d+ comments?|loading|cookies?\\b.*|accept( all)?( cookies)?"
                    + "|last updated?|updated|posted|published|related|tags?\\b.*|topics?|back to top"
                    + "|story continues below.*|listen to this article|min(ute)? read|\\d+ min(ute)?s? read)\\W*$",
            Pattern.CASE_INSENSITIVE);

    /**
     * Headings that open the matter sites put after a story: everything from one of them on is dropped.
     * Prompts that also sit inside stories ("Read more", "Subscribe", "Advertisement") are chrome, not here.
     */
    private static final Pattern CLOSING_SECTION = Pattern.compile(
            "\\b(latest|most (read|popular|viewed|shared|commented)|related|trending|recommended|popular"
                    + "|more (from|stories|news|on|in)|you (may|might) (also )?like|read next|comments"
                    + "|about the author|top stories|don'?t miss|editor'?s picks?|in other news|more headlines)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}[:.]\\d{2}(\\s?[ap]\\.?m\\.?)?\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> DATE_BANNER_WORDS = List.of(
            "updated", "update", "last", "published", "posted", "modified", "on", "at", "date", "today",
            "am", "pm", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst", "pdt", "ist");
    private static final Pattern BYLINE = Pattern.compile("^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)\\s+(\\p{Lu}.*)$");

    private final TextDateFinder dates;

    LineClassifier(TextDateFinder dates) {
        this.dates = dates;
    }

    /** A paragraph of running text: long enough and ending a sentence. */
    boolean isProse(String line) {
        return Words.count(line) >= PROSE_MIN_WORDS && endsSentence(line);
    }

    /** True for lines that belong to the page, not the story. */
    boolean isFurniture(String line) {
        if (NO_LETTERS.matcher(line).matches()) {
            return true;
        }
        int words = Words.count(line);
        if (BULLET.matcher(line).find() && words <= BULLET_MAX_WORDS && !endsSentence(line)) {
            return true;
        }
        if (words <= SHORT_LINE_MAX_WORDS && CHROME.matcher(stripBullet(line)).matches()) {
            return true;
        }
        if (line.chars().filter(c -> c == '|').count() >= 2 && !endsSentence(line)) {
            return true; // "Home | World | Business": a navigation bar flattened into one line
        }
        return dateBanner(line).isPresent();
    }

    /** The date a line consisting of little else than a date shows ("Sunday 24th of September 2023 |"). */
    Optional<DateMention> dateBanner(String line) {
        List<DateMention> found = dates.findAll(line);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder rest = new StringBuilder(line);
        for (int i = found.size() - 1; i >= 0; i--) {
            rest.delete(found.get(i).start(), found.get(i).end());
        }
        String residue = TIME.matcher(rest).replaceAll(" ");
        long otherWords = Words.of(residue).stream()
                .filter(w -> !DATE_BANNER_WORDS.contains(w.toLowerCase(Locale.ROOT)))
                .count();
        return otherWords <= 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    /** A short heading such as "Latest News" or "Most Read Articles" that opens the page's closing matter. */
    boolean isClosingSection(String line) {
        return Words.count(line) <= SHORT_LINE_MAX_WORDS && !endsSentence(line)
                && CLOSING_SECTION.matcher(line).find();
    }

    /** The author named by a "By Jane Doe" line, or empty when the line is not one. */
    Optional<String> byline(String line) {
        if (Words.count(line) > BYLINE_MAX_WORDS || endsSentence(line)) {
            return Optional.empty();
        }
        Matcher m = BYLINE.matcher(line.strip());
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    boolean endsSentence(String line) {
        return SENTENCE_END.matcher(line.strip()).find();
    }

    private static String stripBullet(String line) {
        return BULLET.matcher(line).replaceFirst("");
    }
}
