package dev.newsflow.enrich.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a scraped page's text ({@code text/plain}) into headline and story body.
 *
 * <p>A scraped page reads: furniture and the headline, then the story, then the site's closing
 * matter ("Latest News", link lists). The story is located by its prose paragraphs (long lines that
 * end a sentence); what comes before the first of them is the header, where the headline, a byline
 * and a date banner are looked for; short headings inside the story stay, the closing matter goes.
 */
final class PlainTextCleaner {

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    /** What {@link #SPACES} matches besides the plain space: {@code \s} (ASCII) and three no-break spaces. */
    private static final String OTHER_SPACES = "\t\n\u000B\f\r\u00A0\u2007\u202F";
    private static final String CLAUSE_ENDS = ".!?…:;";
    private static final String CLOSERS = "\"'”’»)]";
    private static final Pattern STARTS_LOWERCASE = Pattern.compile("^\\p{Ll}");
    private static final int HEADLINE_MIN_WORDS = 4;
    private static final int HEADLINE_MAX_WORDS = 30;
    /** A header line this long that ends a sentence is a standfirst, part of the story. */
    private static final int STANDFIRST_MIN_WORDS = 8;

    private final LineClassifier lines;

    PlainTextCleaner(LineClassifier lines) {
        this.lines = lines;
    }

    /** The line rules this cleaner applies, for other cleaners that drop the same furniture. */
    LineClassifier lines() {
        return lines;
    }

    /**
     * Cleans the text.
     *
     * @param knownTitle the headline the feed gave, or null; when given, it is the title and the
     *                   header line repeating it is dropped
     */
    CleanText clean(String text, String knownTitle) {
        List<String> all = paragraphs(text == null ? "" : text);
        int first = firstProse(all);
        if (first < 0) {
            return unstructured(all, knownTitle);
        }
        Header header = header(all.subList(0, first), knownTitle);
        List<String> body = new ArrayList<>(header.standfirst());
        body.addAll(story(all, first));
        return new CleanText(header.title(), String.join("\n\n", body), header.byline(), header.date());
    }

    /**
     * The non-empty lines, trimmed, with hard-wrapped lines joined back into their paragraph. Linear in
     * the text: a paragraph grows in a builder, and only the line just read is checked for its ending.
     */
    static List<String> paragraphs(String text) {
        String normal = INVISIBLE.matcher(LINE_BREAK.matcher(text).replaceAll("\n")).replaceAll("");
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = null;
        String previous = null;
        for (String raw : normal.split("\n", -1)) {
            String line = (hasOddSpacing(raw) ? SPACES.matcher(raw).replaceAll(" ") : raw).strip();
            if (line.isEmpty()) {
                previous = null;
                continue;
            }
            // A line that starts in lower case right under a line that did not end its sentence continues it.
            if (previous != null && STARTS_LOWERCASE.matcher(line).find() && !endsClause(previous)) {
                paragraph.append(' ').append(line);
            } else {
                if (paragraph != null) {
                    out.add(paragraph.toString());
                }
                paragraph = new StringBuilder(line);
            }
            previous = line;
        }
        if (paragraph != null) {
            out.add(paragraph.toString());
        }
        return out;
    }

    private int firstProse(List<String> all) {
        for (int i = 0; i < all.size(); i++) {
            if (lines.isProse(all.get(i)) && !lines.isFurniture(all.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The story from its first prose paragraph up to the closing matter, furniture removed. */
    private List<String> story(List<String> all, int first) {
        int end = all.size();
        for (int i = first + 1; i < all.size(); i++) {
            if (lines.isClosingSection(all.get(i))) {
                end = i;
                break;
            }
        }
        // Short lines after the last sentence are headings of matter we do not know, not the story.
        while (end > first + 1 && !lines.endsSentence(all.get(end - 1))
                && Words.count(all.get(end - 1)) < LineClassifier.PROSE_MIN_WORDS) {
            end--;
        }
        List<String> story = new ArrayList<>();
        for (String line : all.subList(first, end)) {
            if (!lines.isFurniture(line)) {
                story.add(line);
            }
        }
        return story;
    }

    private Header header(List<String> head, String knownTitle) {
        String byline = null;
        Instant date = null;
        List<String> candidates = new ArrayList<>();
        for (String line : head) {
            Optional<DateMention> banner = lines.dateBanner(line);
            Optional<String> author = lines.byline(line);
            if (banner.isPresent()) {
                date = date == null ? startOfDay(banner.get()) : date;
            } else if (author.isPresent()) {
                byline = byline == null ? author.get() : byline;
            } else if (!lines.isFurniture(line) && !sameText(line, knownTitle)) {
                candidates.add(line);
            }
        }
        String title = knownTitle != null && !knownTitle.isBlank() ? knownTitle.strip() : headline(candidates);
        List<String> standfirst = candidates.stream()
                .filter(line -> !line.equals(title))
                .filter(line -> Words.count(line) >= STANDFIRST_MIN_WORDS && lines.endsSentence(line))
                .toList();
        return new Header(title, byline, date, standfirst);
    }

    /** The first line shaped like a headline, else the longest line there is. */
    private static String headline(List<String> candidates) {
        for (String line : candidates) {
            int words = Words.count(line);
            if (words >= HEADLINE_MIN_WORDS && words <= HEADLINE_MAX_WORDS) {
                return line;
            }
        }
        return candidates.stream()
                .filter(line -> Words.count(line) <= HEADLINE_MAX_WORDS)
                .max((a, b) -> Integer.compare(Words.count(a), Words.count(b)))
                .orElse(null);
    }

    /** No prose paragraph at all (a short note, a list): keep every line that is not furniture. */
    private CleanText unstructured(List<String> all, String knownTitle) {
        List<String> kept = all.stream().filter(line -> !lines.isFurniture(line)).toList();
        String title = knownTitle != null && !knownTitle.isBlank() ? knownTitle.strip() : null;
        List<String> body = kept.stream().filter(line -> !sameText(line, title)).toList();
        return new CleanText(title, String.join("\n\n", body), null, null);
    }

    /** Whether a line ends a sentence or clause, closing quotes and brackets aside; read from its end. */
    private static boolean endsClause(String line) {
        int i = line.length() - 1;
        while (i >= 0 && CLOSERS.indexOf(line.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && CLAUSE_ENDS.indexOf(line.charAt(i)) >= 0;
    }

    /**
     * True when the line holds spacing that {@link #SPACES} would change: a run of spaces, or a tab,
     * no-break space or the like. Most lines hold single spaces only and are kept as they are,
     * which spares rewriting every line of every story.
     */
    private static boolean hasOddSpacing(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean odd = c == ' ' ? i > 0 && line.charAt(i - 1) == ' ' : OTHER_SPACES.indexOf(c) >= 0;
            if (odd) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameText(String line, String other) {
        return other != null && line.strip().toLowerCase(Locale.ROOT).equals(other.strip().toLowerCase(Locale.ROOT));
    }

    private static Instant startOfDay(DateMention mention) {
        return mention.date().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private record Header(String title, String byline, Instant date, List<String> standfirst) {
    }
}
