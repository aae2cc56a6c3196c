package dev.newsflow.enrich.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeVisitor;

/**
 * How deep and how large a parsed page is, measured in one walk without recursion.
 *
 * @param depth    the deepest element's level
 * @param elements how many elements the page has
 */
record DomShape(int depth, int elements) {

    static DomShape of(Document doc) {
        int[] deepest = {0};
        int[] count = {0};
        doc.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof Element) {
                count[0]++;
                deepest[0] = Math.max(deepest[0], depth);
            }
        });
        return new DomShape(deepest[0], count[0]);
    }
}
