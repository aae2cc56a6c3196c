package dev.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The story as the densest run of prose on the page: the page's text in blocks, each long
 * link-free block counting for the run and each link list or short scrap against it; the run with
 * the best total (found in one pass) is the story, as in boilerplate detection by shallow text
 * features. Linear in the page, with no limit on depth: the fallback for pages Readability cannot
 * take and for old table layouts where it finds too little.
 */
final class DensityBody {

    /** Elements that never hold story text. Forms are not among them: old sites wrap the whole page in one. */
    static final String CHROME = "script, style, noscript, template, iframe, svg, canvas, button, select, "
            + "textarea, nav, footer, aside, [role=navigation], [role=banner], [role=contentinfo], "
            + "[role=complementary], [aria-hidden=true], [hidden]";
    private static final int PROSE_MIN_WORDS = 10;
    private static final double PROSE_MAX_LINK_DENSITY = 0.3;
    private static final double LINK_LIST_MIN_DENSITY = 0.5;

    private DensityBody() {
    }

    /** The story's blocks; changes {@code doc}, so give it a copy when the page is needed again. */
    static List<BlockText.Block> blocks(Document doc) {
        doc.select(CHROME).remove();
        // The page's own header holds the logo and menus; an article's header holds its headline.
        doc.select("header").stream().filter(h -> h.closest("article") == null).forEach(Element::remove);
        List<BlockText.Block> all = BlockText.blocks(doc.body() == null ? doc : doc.body());
        int bestStart = 0;
        int bestEnd = -1;
        double best = 0;
        double run = 0;
        int runStart = 0;
        for (int i = 0; i < all.size(); i++) {
            if (run <= 0) {
                run = 0;
                runStart = i;
            }
            run += score(all.get(i));
            if (run > best) {
                best = run;
                bestStart = runStart;
                bestEnd = i;
            }
        }
        List<BlockText.Block> story = new ArrayList<>();
        for (int i = bestStart; i <= bestEnd; i++) {
            if (all.get(i).linkDensity() < LINK_LIST_MIN_DENSITY) {
                story.add(all.get(i));
            }
        }
        return story;
    }

    private static double score(BlockText.Block block) {
        int words = block.words();
        double links = block.linkDensity();
        if (words >= PROSE_MIN_WORDS && links < PROSE_MAX_LINK_DENSITY) {
            return words;
        }
        if (links >= LINK_LIST_MIN_DENSITY) {
            return -Math.max(words, 3);
        }
        // A short line inside the story (a subheading, a dateline) costs little; a run of them ends it.
        return -Math.min(words, 5) / 2.0 - 1;
    }
}
