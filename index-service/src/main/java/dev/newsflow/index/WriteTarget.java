package dev.newsflow.index;

/**
 * Where the indexer writes: the alias (the live service, so a re-index can move it underneath) or a
 * concrete versioned index (a re-index filling {@code news-v2} before the alias moves to it).
 *
 * @param name    the alias or index name
 * @param isAlias whether Elasticsearch must resolve {@code name} as an alias ({@code require_alias})
 */
public record WriteTarget(String name, boolean isAlias) {

    public static WriteTarget alias(String name) {
        return new WriteTarget(name, true);
    }

    public static WriteTarget index(String name) {
        return new WriteTarget(name, false);
    }

    @Override
    public String toString() {
        return (isAlias ? "alias " : "index ") + name;
    }
}
