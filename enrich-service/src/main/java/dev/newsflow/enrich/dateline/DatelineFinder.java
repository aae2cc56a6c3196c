package dev.newsflow.enrich.dateline;

import dev.newsflow.core.Dateline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dateline a wire story opens with: "SAMARKAND, Uzbekistan —", "WASHINGTON (Reuters) -",
 * "LONDON, Sept 14 (AP) --". The place must start in capitals, which is what sets a dateline apart
 * from an ordinary opening clause; dates and the agency are part of the text but not of the place.
 */
public final class DatelineFinder {

    private static final String CAPS_PLACE = "\\p{Lu}[\\p{Lu}.'’\\-]+(?: \\p{Lu}[\\p{Lu}.'’\\-]*){0,3}";
    private static final String SEGMENT = "[\\p{L}\\p{N}.'’\\-]+(?: [\\p{L}\\p{N}.'’\\-]+){0,3}";
    private static final Pattern OPENING = Pattern.compile(
            "^\\s*(" + CAPS_PLACE + "(?:, " + SEGMENT + "){0,2})(?: \\(([^()]{1,40})\\))?\\s*(?:—|–|--?)(?=\\s)");
    /** Read from a dateline that is stripped and at most {@link #FEED_DATELINE_MAX_CHARS} long, so it cannot backtrack far. */
    private static final Pattern FEED_DATELINE = Pattern.compile(
            "([^()]+?)(?:\\s*\\(([^()]{1,40})\\))?\\s*(?:—|–|--?)?");
    /** Longer than any real dateline ("RIO DE JANEIRO, Brazil, Sept 14 (Reuters) —" is 45). */
    static final int FEED_DATELINE_MAX_CHARS = 200;
    /** A dateline segment with a digit is its date ("Sept 14"); month names alone are also places ("Mar del Plata"). */
    private static final Pattern DATE_LIKE = Pattern.compile("\\d");
    /** Small words a place name keeps in lower case ("Rio de Janeiro"). */
    private static final Set<String> PARTICLES = Set.of("de", "da", "do", "dos", "das", "del", "della", "di", "du",
            "des", "la", "le", "les", "el", "al", "of", "on", "upon", "am", "an", "der", "den", "y", "en");

    /** The dateline at the start of the body, if the story has one. */
    public Optional<Dateline> find(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher m = OPENING.matcher(body);
        if (!m.find()) {
            return Optional.empty();
        }
        String place = place(m.group(1));
        return place.isEmpty() ? Optional.empty() : Optional.of(new Dateline(place, m.group().strip()));
    }

    /**
     * The dateline a feed sent as metadata ("WASHINGTON, Jan 5 (AP)"), with the feed's own place
     * ({@code located}) winning over the one read from the text.
     */
    public Optional<Dateline> fromFeed(String dateline, String located) {
        boolean hasLocated = located != null && !located.isBlank();
        if (dateline == null || dateline.isBlank()) {
            return hasLocated ? Optional.of(new Dateline(located.strip(), null)) : Optional.empty();
        }
        String text = firstLine(dateline);
        Matcher m = FEED_DATELINE.matcher(text);
        String place = hasLocated ? located.strip() : m.matches() ? place(m.group(1)) : null;
        return Optional.of(new Dateline(place == null || place.isEmpty() ? null : place, text));
    }

    /** The dateline's first non-blank line, stripped and cut to {@link #FEED_DATELINE_MAX_CHARS}: a dateline is one short line. */
    static String firstLine(String dateline) {
        String line = dateline.strip().lines().findFirst().orElse("");
        return line.substring(0, Math.min(line.length(), FEED_DATELINE_MAX_CHARS)).strip();
    }

    /** The place segments of a dateline in normal case, dates dropped: "SAMARKAND, Uzbekistan" → "Samarkand, Uzbekistan". */
    static String place(String segments) {
        List<String> parts = new ArrayList<>();
        for (String segment : segments.split(",")) {
            String s = segment.strip();
            if (s.isEmpty() || DATE_LIKE.matcher(s).find()) {
                continue;
            }
            parts.add(isAllCaps(s) ? normalCase(s) : s);
        }
        return String.join(", ", parts);
    }

    private static String normalCase(String caps) {
        String[] words = caps.toLowerCase(Locale.ROOT).split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (i > 0) {
                out.append(' ');
            }
            if (i > 0 && PARTICLES.contains(word)) {
                out.append(word);
            } else if (word.contains(".") || (word.length() == 2 && (i > 0 || words.length == 1))) {
                out.append(word.toUpperCase(Locale.ROOT)); // "D.C.", "UK": abbreviations stay capitals
            } else {
                out.append(capitalizeParts(word));
            }
        }
        return out.toString();
    }

    /** Capitalizes each part of a hyphenated or apostrophed name: "winston-salem" → "Winston-Salem". */
    private static String capitalizeParts(String word) {
        StringBuilder out = new StringBuilder(word.length());
        boolean startOfPart = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            out.append(startOfPart ? Character.toUpperCase(c) : c);
            startOfPart = c == '-' || c == '\'' || c == '’';
        }
        return out.toString();
    }

    private static boolean isAllCaps(String text) {
        return text.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }
}
