package dev.newsflow.ingest;

import java.util.List;

/**
 * What a parser found in one request body.
 *
 * @param items the articles, in document order
 * @param batch true when the document is a container (NDJSON, a NewsML-G2 newsMessage, a feed), so the
 *              answer lists a result per item; false when it is one article, answered with its id and version
 */
public record ParsedPayload(List<ParsedItem> items, boolean batch) {

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

    /** A container document: each item is answered on its own. */
    public static ParsedPayload batch(List<ParsedItem> items) {
        return new ParsedPayload(items, true);
    }
}
