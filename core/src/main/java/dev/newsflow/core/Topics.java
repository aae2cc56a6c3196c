package dev.newsflow.core;

import org.apache.kafka.common.serialization.Serdes;

/**
 * The three topics of the pipeline (DESIGN.md, Topics). A prefix lets tests and
 * side-by-side installations keep their records apart; production uses none.
 */
public record Topics(Topic<String, RawArticle> raw,
                     Topic<String, EnrichedArticle> enriched,
                     Topic<byte[], byte[]> deadletter) {

    public static final String RAW = "news.articles.raw";
    public static final String ENRICHED = "news.articles.enriched";
    public static final String DEADLETTER = "news.deadletter";

    /** The topics under their standard names, each with the given prefix. */
    public static Topics withPrefix(String prefix) {
        return new Topics(
                new Topic<>(prefix + RAW, Serdes.String(), new JsonSerde<>(RawArticle.class)),
                new Topic<>(prefix + ENRICHED, Serdes.String(), new JsonSerde<>(EnrichedArticle.class)),
                new Topic<>(prefix + DEADLETTER, Serdes.ByteArray(), Serdes.ByteArray()));
    }

    /** The topics under their standard names. */
    public static Topics standard() {
        return withPrefix("");
    }
}
