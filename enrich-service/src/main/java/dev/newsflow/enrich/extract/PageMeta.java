package dev.newsflow.enrich.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself in its head and markup, read before anything is removed: the
 * {@code <title>}, og:/article:/twitter: meta data, JSON-LD, the declared language.
 *
 * @param titleTag   the {@code <title>} text
 * @param ogTitle    og:title or twitter:title
 * @param siteName   og:site_name or application-name
 * @param homeNames  what the links to the site's home page say (a logo's alt text, "Daily Gazette"),
 *                   and the JSON-LD publisher's name: other ways a page names its site
 * @param host       the host of the canonical or og:url, or null
 * @param jsonLd     the JSON-LD article, or null
 * @param byline     the author(s), JSON-LD first, or null
 * @param published  the publication date, JSON-LD first, or null
 * @param language   a bare lower-case language code, or null
 */
record PageMeta(String titleTag, String ogTitle, String siteName, List<String> homeNames, String host,
                JsonLdArticle jsonLd, String byline, Instant published, String language) {

    /** "en", "en-GB", "pt_BR", "zh-Hant-TW": a BCP 47 tag or a locale, of which the first part is kept. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}([-_][a-z0-9]{1,8}){0,3}");

    static PageMeta read(Document doc) {
        JsonLdArticle ld = JsonLdArticle.of(doc).orElse(null);
        return new PageMeta(
                doc.title().strip(),
                first(meta(doc, "og:title"), meta(doc, "twitter:title")),
                first(meta(doc, "og:site_name"), meta(doc, "application-name")),
                homeNames(doc, ld),
                host(first(doc.select("link[rel=canonical]").attr("href"), meta(doc, "og:url"))),
                ld,
                byline(doc, ld),
                published(doc, ld),
                language(doc, ld));
    }

    /** A link to the site's home page: "/", "index.html", or an address with nothing after the host. */
    private static final Pattern HOME = Pattern.compile("(?i)(https?://[^/?#]+)?/?((index|default|home)\\.\\w{2,5})?");
    private static final int HOME_NAME_MAX_WORDS = 5;
    private static final int HOME_NAMES_KEPT = 20;

    private static List<String> homeNames(Document doc, JsonLdArticle ld) {
        List<String> names = new ArrayList<>();
        if (ld != null && ld.publisher() != null) {
            names.add(ld.publisher());
        }
        for (Element a : doc.select("a[href]")) {
            if (names.size() >= HOME_NAMES_KEPT) {
                break;
            }
            String href = a.attr("href").strip();
            if (href.isEmpty() || href.length() > 100 || !HOME.matcher(href).matches()) {
                continue;
            }
            String text = a.text().isBlank() ? a.select("img[alt]").attr("alt") : a.text();
            if (!text.isBlank() && WordCount.of(text) <= HOME_NAME_MAX_WORDS) {
                names.add(text.strip());
            }
        }
        return names;
    }

    /** The content of {@code <meta property=name>} or {@code <meta name=name>}, or "". */
    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return e == null ? "" : e.attr("content").strip();
    }

    private static String byline(Document doc, JsonLdArticle ld) {
        return Stream.of(
                        ld == null ? null : ld.author(),
                        meta(doc, "author"),
                        meta(doc, "article:author"),
                        meta(doc, "byl"),
                        doc.select("[itemprop=author] [itemprop=name]").text(),
                        doc.select("[rel=author]").text(),
                        doc.select("[itemprop=author], .byline, .author").text())
                .filter(a -> a != null && !a.isBlank() && !a.startsWith("http"))
                .map(a -> a.strip().replaceFirst("^(?i)by\\s+", ""))
                // A byline of a paragraph's length is some other block that happens to carry the class.
                .filter(a -> WordCount.of(a) <= 12)
                .findFirst()
                .orElse(null);
    }

    private static Instant published(Document doc, JsonLdArticle ld) {
        return Stream.of(
                        ld == null ? null : ld.published(),
                        meta(doc, "article:published_time"),
                        meta(doc, "datePublished"),
                        doc.select("[itemprop=datePublished]").attr("content"),
                        doc.select("[itemprop=datePublished]").attr("datetime"),
                        first(meta(doc, "date"), meta(doc, "pubdate"), meta(doc, "dc.date")),
                        doc.select("time[datetime]").attr("datetime"))
                .map(PageMeta::instant)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null);
    }

    static Optional<Instant> instant(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException notAnOffsetDateTime) {
            try {
                return Optional.of(LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v)
                        .atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                // Pages put all sorts of text in date fields; one we cannot read is treated as absent.
                return Optional.empty();
            }
        }
    }

    /** {@code <html lang>}, JSON-LD inLanguage, og:locale or Content-Language, as "en" from "en-GB". */
    private static String language(Document doc, JsonLdArticle ld) {
        Element html = doc.selectFirst("html");
        return Stream.of(
                        html == null ? null : html.attr("lang"),
                        html == null ? null : html.attr("xml:lang"),
                        ld == null ? null : ld.language(),
                        meta(doc, "og:locale"),
                        doc.select("meta[http-equiv=content-language]").attr("content"))
                .map(PageMeta::bareLanguage)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null);
    }

    private static Optional<String> bareLanguage(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        return LANGUAGE_TAG.matcher(t).matches() ? Optional.of(t.split("[-_]", 2)[0]) : Optional.empty();
    }

    private static String host(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return null;
        }
        String rest = url.substring(start + 3);
        int end = rest.indexOf('/');
        String host = (end < 0 ? rest : rest.substring(0, end)).toLowerCase(Locale.ROOT);
        return host.isBlank() ? null : host;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
