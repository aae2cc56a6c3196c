package dev.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an element as blocks: every block element ends one ({@code <br>} a line), so the text of
 * neighbouring blocks is never glued together ("Meg James" + "Staff writer" stays two lines). Each
 * block also counts how much of its text sits inside links, the sign of navigation and link lists.
 * jsoup walks the tree without recursion, so the depth of a page costs no stack.
 */
final class BlockText {

    /**
     * One block of text.
     *
     * @param text      the text, white space collapsed
     * @param linkChars how many of its characters are the text of links
     */
    record Block(String text, int linkChars) {

        double linkDensity() {
            return text.isEmpty() ? 0 : (double) linkChars / text.length();
        }

        int words() {
            return WordCount.of(text);
        }
    }

    private BlockText() {
    }

    static List<String> paragraphs(Element root) {
        return blocks(root).stream().map(Block::text).toList();
    }

    static List<Block> blocks(Element root) {
        return blocks(root, e -> false);
    }

    /** The blocks of the element, leaving out the subtrees of the elements {@code skip} accepts. */
    static List<Block> blocks(Element root, Predicate<Element> skip) {
        Collector collector = new Collector();
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && node != root && skip.test(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                collector.head(node, depth);
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                collector.tail(node, depth);
                return FilterResult.CONTINUE;
            }
        });
        collector.flush();
        return collector.out;
    }

    /** Block elements by jsoup's list, plus the table cells and list items old layouts put text in. */
    private static boolean breaks(Element e) {
        return e.isBlock() || e.nameIs("td") || e.nameIs("th") || e.nameIs("li");
    }

    private static final class Collector implements NodeVisitor {
        private final List<Block> out = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int linkChars;
        private int linkDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                int before = current.length();
                appendCollapsed(t.getWholeText());
                if (linkDepth > 0) {
                    linkChars += current.length() - before;
                }
            } else if (node instanceof Element e) {
                if (e.nameIs("br")) {
                    lineBreak();
                } else if (breaks(e)) {
                    flush();
                }
                if (e.nameIs("a")) {
                    linkDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (e.nameIs("a")) {
                    linkDepth--;
                }
                if (breaks(e) && !e.nameIs("br")) {
                    flush();
                }
            }
        }

        /** A {@code <br>} breaks the line, not the block: lines of one paragraph may continue each other. */
        private void lineBreak() {
            while (!current.isEmpty() && current.charAt(current.length() - 1) == ' ') {
                current.setLength(current.length() - 1);
            }
            if (!current.isEmpty() && current.charAt(current.length() - 1) != '\n') {
                current.append('\n');
            }
        }

        /** Appends text with every run of white space (no-break spaces too) as one space. */
        private void appendCollapsed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    char last = current.isEmpty() ? ' ' : current.charAt(current.length() - 1);
                    if (last != ' ' && last != '\n') {
                        current.append(' ');
                    }
                } else if (c != '\u200B' && c != '\u00AD' && c != '\uFEFF') {
                    current.append(c);
                }
            }
        }

        void flush() {
            String text = current.toString().strip();
            if (!text.isEmpty()) {
                out.add(new Block(text, Math.min(linkChars, text.length())));
            }
            current.setLength(0);
            linkChars = 0;
        }
    }
}
