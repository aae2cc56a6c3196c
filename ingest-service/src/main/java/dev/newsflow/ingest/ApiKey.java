package dev.newsflow.ingest;

/**
 * One feed credential: the bearer key a feed sends and the source it stands for.
 * A source may hold several keys at once, so keys can be rotated without downtime.
 */
public record ApiKey(String source, String key) {

    /** The key itself never appears in logs or exception messages. */
    @Override
    public String toString() {
        return "ApiKey[source=" + source + ", key=***]";
    }
}
