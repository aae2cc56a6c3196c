package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.RawArticle;

/** One article a parser found in a payload: either a draft ready for identity, or why it was refused. */
public sealed interface ParsedItem {

    /**
     * An article as the feed described it. Its {@code source} is the one the payload claimed (or null);
     * id, version and ingest time are not set yet (see {@link ArticleIdentity}).
     *
     * @param feedVersion the feed's own version number, when it sent one
     */
    record Valid(RawArticle article, Long feedVersion) implements ParsedItem {
    }

    /**
     * An article that cannot be accepted; the rest of its batch still can.
     *
     * @param problem what the article alone would have been answered with, including the members
     *                that locate the fault ({@code field}, {@code element}, {@code line})
     */
    record Invalid(Problem problem) implements ParsedItem {

        /** The HTTP status the article alone would have been answered with. */
        public int status() {
            return problem.status();
        }

        public String detail() {
            return problem.detail();
        }

        /** The offending field, when one is to blame. */
        public String field() {
            Object field = problem.extensions().get("field");
            return field == null ? null : field.toString();
        }
    }
}
