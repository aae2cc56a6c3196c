package dev.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The story's headline. Pages name themselves in {@code <title>} and og:title ("Storm hits coast |
 * Daily Gazette", "World - Daily Gazette - Storm hits coast"); the headline is the part that is not
 * the site or a section. An {@code <h1>} that agrees with those is taken as written, since titles are
 * sometimes shortened; one that does not is a logo or a section heading more often than not.
 */
final class Headline {

    /**
     * A separator between headline, section and site: a bar, dash, bullet or guillemet with spaces
     * around, or an underscore (which headlines themselves do not use).
     */
    private static final Pattern SEPARATOR = Pattern.compile("\\s[|\\-–—·•»«>/:]{1,2}\\s|\\s?_\\s?");
    /** "Site: Headline": a colon only separates a site name, since headlines use it too ("Iran: Who..."). */
    private static final Pattern COLON = Pattern.compile(":\\s");
    /** A segment this short beside the headline is a site or section name. */
    private static final int SITE_PART_MAX_WORDS = 5;
    /** A part that is a domain name ("NDTV.com") names the site. */
    private static final Pattern DOMAIN = Pattern.compile("(?i)(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(com|net|org|co|info|biz|[a-z]{2})");
    private static final int HEADLINES_LOOKED_AT = 5;
    /** A headline's words come up early in its story; the rest of a long story adds nothing to the check. */
    private static final int STORY_WORDS_LOOKED_AT = 2_000;

    private Headline() {
    }

    /** The page's first few {@code <h1>} texts, read before the page is cut up. */
    static List<String> headings(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element h1 : doc.select("h1")) {
            String text = h1.text().strip();
            if (!text.isEmpty() && out.size() < HEADLINES_LOOKED_AT) {
                out.add(text);
            }
        }
        return out;
    }

    /**
     * The headline.
     *
     * @param headings  the page's {@code <h1>} texts
     * @param storyText the story's text, to tell a headline from a title that names only the site
     */
    static String of(List<String> headings, PageMeta meta, String storyText) {
        List<String> named = new ArrayList<>();
        Set<String> story = new HashSet<>(LowerWords.of(storyText, STORY_WORDS_LOOKED_AT));
        addIfPresent(named, strip(meta.ogTitle(), meta, story));
        addIfPresent(named, meta.jsonLd() == null ? null : strip(meta.jsonLd().headline(), meta, story));
        addIfPresent(named, strip(meta.titleTag(), meta, story));
        // A logo in an <h1> agrees with the title's site part; the headline's words are the story's too.
        List<String> agreeing = headings.stream().filter(h1 -> agrees(h1, named, meta)).toList();
        Optional<String> agreed = agreeing.stream().filter(h1 -> aboutStory(h1, story)).findFirst()
                .or(() -> agreeing.stream().findFirst());
        if (agreed.isPresent()) {
            return agreed.get();
        }
        // A title none of whose words the story uses names the site or a section ("Latest News"); an
        // <h1> the story does speak of is then the better headline.
        if (!named.isEmpty() && aboutStory(named.getFirst(), story) || headings.isEmpty()) {
            return named.isEmpty() ? null : named.getFirst();
        }
        return headings.stream().filter(h -> aboutStory(h, story)).findFirst()
                .orElse(named.isEmpty() ? headings.getFirst() : named.getFirst());
    }

    /**
     * The {@code <h1>} is the headline the titles give, whole or shortened: one holds the other, and
     * what is held is more than a word ("News" in "News | Site" is no agreement).
     */
    private static boolean agrees(String h1, List<String> named, PageMeta meta) {
        String n = normal(h1);
        int words = WordCount.of(h1);
        if (words < 2) {
            return named.stream().anyMatch(t -> normal(t).equals(n));
        }
        boolean inHeadline = named.stream().map(Headline::normal)
                .anyMatch(t -> t.contains(n) || n.contains(t) && t.split(" ").length >= 2);
        // The raw titles still hold section names ("National News"): only a longer <h1> counts there.
        boolean inTitle = words >= 3 && Stream.of(meta.titleTag(), meta.ogTitle()).map(Headline::normal)
                .anyMatch(t -> !t.isEmpty() && t.contains(n));
        return inHeadline || inTitle;
    }

    private static boolean aboutStory(String headline, Set<String> story) {
        List<String> words = LowerWords.of(headline).stream().filter(w -> w.length() >= 4).toList();
        return words.isEmpty() || words.stream().filter(story::contains).count() * 3 >= words.size();
    }

    /** The title without the site's and section's names, or null for a blank title. */
    static String strip(String title, PageMeta meta, Set<String> story) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = withoutSitePrefix(title.strip(), meta);
        List<String> parts = split(t);
        if (parts.size() < 2) {
            return t;
        }
        List<String> kept = new ArrayList<>(parts);
        kept.removeIf(p -> isSiteName(p, meta));
        if (kept.size() == 1) {
            return kept.getFirst();
        }
        List<String> candidates = kept.isEmpty() ? parts : kept;
        // When the story speaks of one part only and another is long, the long one is the site's
        // tagline ("Local News and Video for the County") and the part the story speaks of the headline.
        List<String> about = candidates.stream()
                .filter(p -> LowerWords.of(p).stream().anyMatch(w -> w.length() >= 4) && aboutStory(p, story)).toList();
        boolean longOther = candidates.stream().anyMatch(p -> !about.contains(p) && WordCount.of(p) > SITE_PART_MAX_WORDS);
        if (!story.isEmpty() && about.size() == 1 && longOther) {
            return about.getFirst();
        }
        // Else the headline is the long part, the short ones beside it are section and site names. At
        // an end of the title it may be only a little longer; in the middle it must stand out, or the
        // separators are more likely the headline's own ("Judge rules - and the city must pay - ...").
        String longest = candidates.stream().max((a, b) -> Integer.compare(WordCount.of(a), WordCount.of(b))).orElseThrow();
        int most = WordCount.of(longest);
        boolean atEnd = longest == candidates.getFirst() || longest == candidates.getLast();
        boolean othersShort = candidates.stream().filter(p -> p != longest)
                .allMatch(p -> WordCount.of(p) <= SITE_PART_MAX_WORDS && WordCount.of(p) < most
                        && (atEnd || 2 * WordCount.of(p) <= most));
        return othersShort ? longest : t;
    }

    private static String withoutSitePrefix(String title, PageMeta meta) {
        var colon = COLON.matcher(title);
        if (colon.find() && isSiteName(title.substring(0, colon.start()), meta)) {
            String rest = title.substring(colon.end()).strip();
            return rest.isEmpty() ? title : rest;
        }
        return title;
    }

    private static List<String> split(String title) {
        List<String> parts = new ArrayList<>();
        for (String p : SEPARATOR.split(title)) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return parts;
    }

    /** The part names the site: og:site_name, or the words of the page's host ("smh" in news.smh.com.au). */
    private static boolean isSiteName(String part, PageMeta meta) {
        String p = letters(part);
        if (p.isEmpty() || DOMAIN.matcher(part.strip()).matches()) {
            return true;
        }
        if (!meta.siteName().isBlank() && letters(meta.siteName()).equals(p)
                || meta.homeNames().stream().anyMatch(name -> letters(name).equals(p))) {
            return true;
        }
        if (meta.host() == null || WordCount.of(part) > SITE_PART_MAX_WORDS) {
            return false;
        }
        return Arrays.stream(meta.host().split("\\."))
                .filter(label -> label.length() >= 3 && !label.equals("www") && !label.equals("com"))
                .anyMatch(label -> p.equals(letters(label)) || p.equals(letters(label) + "com"));
    }

    private static String letters(String s) {
        StringBuilder out = new StringBuilder();
        s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String normal(String s) {
        return String.join(" ", LowerWords.of(s));
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }
}
