package dev.newsflow.ingest;

import java.util.List;
import java.util.Set;

/**
 * Turns a request body of some media types into articles. One implementation per format
 * (native JSON, NDJSON, plain text; ninjs, NewsML-G2, RSS/Atom and HTML come next).
 */
public interface ArticleParser {

    /** The {@code type/subtype} values this parser reads, lower case. */
    Set<String> mediaTypes();

    /**
     * True when a payload can hold many articles, so the answer lists an item for each;
     * false when it holds exactly one, answered with its id and version.
     */
    default boolean batch() {
        return false;
    }

    /**
     * The articles in the payload, in order.
     *
     * @param body    the request body, not empty
     * @param type    the Content-Type it came with
     * @throws dev.newsflow.core.ProblemException 400 when the payload as a whole cannot be read;
     *         a single-article parser also throws for an invalid article instead of returning it
     */
    List<ParsedItem> parse(byte[] body, MediaType type);
}
