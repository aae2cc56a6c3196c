package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.util.List;

/**
 * What a parser found in one request body.
 *
 * @param items the articles, in document order
 * @param batch true when the document is a container (NDJSON, a NewsML-G2 newsMessage, a feed), so the
 *              answer lists a result per item; false when it is one article, answered with its id and version
 */
public record ParsedPayload(List<ParsedItem> items, boolean batch) {

    /**
     * The most articles one request may carry. Each item costs far more than its bytes (a parsed tree,
     * an article, a record, a line of the answer), so without this a 5 MiB body of two-byte NDJSON lines
     * or empty {@code <item/>} elements took a minute and gigabytes of heap, and answered 200 MiB.
     * Real articles of 2-6 KB fill the body limit long before it.
     */
    public static final int MAX_ITEMS = 10_000;

    public ParsedPayload {
        items = List.copyOf(items);
        if (!batch && items.size() != 1) {
            throw new IllegalArgumentException("a single-article payload holds exactly one item, not " + items.size());
        }
    }

    /** A document that is one article. */
    public static ParsedPayload single(ParsedItem item) {
        return new ParsedPayload(List.of(item), false);
    }

    /**
     * Refuses a container before its items are read when it holds more than {@link #MAX_ITEMS}.
     *
     * @throws ProblemException 413 naming the limit
     */
    static void checkItemCount(int count, String what) {
        if (count > MAX_ITEMS) {
            throw new ProblemException(Problem.of(413, "Content Too Large", "the request holds more than "
                            + MAX_ITEMS + " " + what + "; send at most " + MAX_ITEMS + " articles per request")
                    .with("max_items", MAX_ITEMS));
        }
    }

    /** A container document: each item is answered on its own. */
    public static ParsedPayload batch(List<ParsedItem> items) {
        return new ParsedPayload(items, true);
    }
}
