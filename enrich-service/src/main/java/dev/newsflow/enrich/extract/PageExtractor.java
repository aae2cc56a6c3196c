package dev.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Finds the story in a web page: headline, text, byline, date and declared language.
 *
 * <p>The text comes from the first of these that holds the story: the JSON-LD {@code articleBody}
 * when it is long and its words are the page's own; Readability's pick, unless it is a scrap next
 * to what the densest run of prose holds; that run; any visible text; the page's description. So a
 * page that shows any story text always yields a body. Every step is linear in the page, or is
 * skipped for pages too deep or large for it ({@link ReadabilityBody}).
 *
 * <p>Thread-safe and stateless.
 */
public final class PageExtractor {

    /** A block mostly made of link text is a list of other stories or a share bar. */
    private static final double LINK_BLOCK_MIN_DENSITY = 0.6;
    /**
     * Readability's pick is a scrap (a caption, a cookie note, the headline alone) when it is this short
     * and holds less than {@link #SCRAP_SHARE} of the densest run's words. A longer pick is kept even
     * next to a much longer run: that run is then a comment thread or a gallery more often than the story.
     */
    private static final int SCRAP_MAX_WORDS = 150;
    private static final double SCRAP_SHARE = 0.3;
    private static final int JSON_LD_MIN_WORDS = 40;
    private static final int HEADING_MAX_WORDS = 5;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;)\"'”’»]\\s*$");
    /** Share of JSON-LD body words that must appear on the page for it to be this page's story. */
    private static final double JSON_LD_MIN_AGREEMENT = 0.8;
    private static final int JSON_LD_MIN_OPENING_WORDS = 25;
    private static final int JSON_LD_MAX_OPENING_WORDS = 120;

    /** The page's story; never null, and with an empty body only for a page without visible text. */
    public ExtractedPage extract(String html) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        PageMeta meta = PageMeta.read(doc);
        List<String> headings = Headline.headings(doc);
        CommentThreads.remove(doc);
        List<String> story = body(doc, meta);
        String title = Headline.of(headings, meta, String.join(" ", story));
        List<String> body = withoutTrailingHeadings(withoutHeadline(story, title, meta.titleTag(), meta.ogTitle()));
        return new ExtractedPage(title, body, meta.byline(), meta.published(), meta.language());
    }

    private static List<String> body(Document doc, PageMeta meta) {
        List<String> readability = ReadabilityBody.blocks(doc, DomShape.of(doc))
                .map(PageExtractor::withoutLinkBlocks).orElse(List.of());
        int found = words(readability);
        List<String> chosen = readability;
        // The density scan is the fallback for a scrap: a pick of 150 words or more stands without it.
        if (found < SCRAP_MAX_WORDS) {
            List<String> density = DensityBody.blocks(doc).stream().map(BlockText.Block::text).toList();
            chosen = found < SCRAP_SHARE * words(density) ? density : readability;
        }
        Optional<List<String>> jsonLd = jsonLdBody(meta, doc, chosen);
        if (jsonLd.isPresent()) {
            return jsonLd.get();
        }
        if (!chosen.isEmpty()) {
            return chosen;
        }
        List<String> visible = BlockText.paragraphs(doc.body() == null ? doc : doc.body());
        if (!visible.isEmpty()) {
            return visible;
        }
        String description = doc.select("meta[property=og:description], meta[name=description]").attr("content");
        return description.isBlank() ? List.of() : List.of(description.strip());
    }

    /**
     * The JSON-LD story when it is plausible: long, at least as complete as the page's own pick, and
     * opening with words the page shows (this page's story, not another's).
     */
    private static Optional<List<String>> jsonLdBody(PageMeta meta, Document page, List<String> chosen) {
        if (meta.jsonLd() == null || meta.jsonLd().body() == null) {
            return Optional.empty();
        }
        String raw = meta.jsonLd().body();
        // Some sites put the story's HTML in articleBody; its blocks become paragraphs like the page's.
        List<String> paragraphs = raw.indexOf('<') >= 0 && raw.indexOf('>') > 0
                ? BlockText.paragraphs(Jsoup.parseBodyFragment(raw).body())
                : splitLines(raw);
        int ldWords = words(paragraphs);
        if (ldWords < JSON_LD_MIN_WORDS || ldWords < words(chosen) * 0.8) {
            return Optional.empty();
        }
        Set<String> pageWords = new HashSet<>(LowerWords.of(page.body() == null ? "" : page.body().text()));
        // The opening is what must agree: behind a paywall the page shows only that, as a teaser as long
        // as the page's own pick, while the JSON-LD carries the whole story.
        int opening = Math.clamp(words(chosen), JSON_LD_MIN_OPENING_WORDS, JSON_LD_MAX_OPENING_WORDS);
        List<String> ld = LowerWords.of(String.join(" ", paragraphs), opening);
        long known = ld.stream().filter(pageWords::contains).count();
        return known >= JSON_LD_MIN_AGREEMENT * ld.size() ? Optional.of(paragraphs) : Optional.empty();
    }

    private static List<String> withoutLinkBlocks(List<BlockText.Block> blocks) {
        return blocks.stream().filter(b -> b.linkDensity() < LINK_BLOCK_MIN_DENSITY).map(BlockText.Block::text).toList();
    }

    /** Pages repeat the headline (or the whole page title) above the story; the title already carries it. */
    private static List<String> withoutHeadline(List<String> body, String... titles) {
        Set<String> repeated = new HashSet<>();
        for (String t : titles) {
            if (t != null && !t.isBlank()) {
                repeated.add(t.strip().toLowerCase(Locale.ROOT));
            }
        }
        List<String> out = new ArrayList<>(body);
        for (int i = 0; i < Math.min(3, out.size()); i++) {
            if (repeated.contains(out.get(i).strip().toLowerCase(Locale.ROOT))) {
                out.remove(i);
                break;
            }
        }
        return out;
    }

    /**
     * Short lines after the story's last sentence are the headings of matter that was cut away
     * ("Related stories", "Share this"), not the story. A body of nothing but short lines is kept.
     */
    private static List<String> withoutTrailingHeadings(List<String> body) {
        int end = body.size();
        while (end > 1 && isHeading(body.get(end - 1))) {
            end--;
        }
        return end == 1 && isHeading(body.getFirst()) ? body : body.subList(0, end);
    }

    private static boolean isHeading(String block) {
        return WordCount.of(block) <= HEADING_MAX_WORDS && !SENTENCE_END.matcher(block).find();
    }

    private static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\n")) {
            String p = line.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static int words(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += WordCount.of(p);
        }
        return n;
    }
}
