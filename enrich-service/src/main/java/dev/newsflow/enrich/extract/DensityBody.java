package dev.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    private static final Set<String> CHROME_TAGS = Set.of("script", "style", "noscript", "template", "iframe", "svg",
            "canvas", "button", "select", "textarea", "nav", "footer", "aside", "head", "title");
    private static final Set<String> CHROME_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary");
    private static final int PROSE_MIN_WORDS = 10;
    private static final double PROSE_MAX_LINK_DENSITY = 0.3;
    private static final double LINK_LIST_MIN_DENSITY = 0.5;

    private DensityBody() {
    }

    /** The story's blocks; the page is read, not changed. */
    static List<BlockText.Block> blocks(Document doc) {
        List<BlockText.Block> all = BlockText.blocks(doc.body() == null ? doc : doc.body(), DensityBody::isChrome);
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

    private static boolean isChrome(Element e) {
        return CHROME_TAGS.contains(e.normalName())
                || CHROME_ROLES.contains(e.attr("role"))
                || e.hasAttr("hidden")
                || e.attr("aria-hidden").equals("true")
                // The page's own header holds the logo and menus; an article's header holds its headline.
                || e.nameIs("header") && e.closest("article") == null;
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
