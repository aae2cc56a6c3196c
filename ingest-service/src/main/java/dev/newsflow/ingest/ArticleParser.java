package dev.newsflow.ingest;

import java.util.Set;

/**
 * Turns a request body of some media types into articles. One implementation per format
 * (native JSON, NDJSON, plain text, ninjs, NewsML-G2, RSS/Atom, HTML).
 */
public interface ArticleParser {

    /** The {@code type/subtype} values this parser reads, lower case. */
    Set<String> mediaTypes();

    /**
     * The articles in the payload, in order, and whether the payload is answered as a batch.
     *
     * @param body    the request body, not empty
     * @param type    the Content-Type it came with
     * @throws dev.newsflow.core.ProblemException 400 when the payload as a whole cannot be read;
     *         a single-article payload also throws for an invalid article instead of returning it
     */
    ParsedPayload parse(byte[] body, MediaType type);
}
