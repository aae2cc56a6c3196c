package dev.newsflow.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Elasticsearch nodes a client may talk to (or any service's instances), from a comma list such as
 * {@code http://es1:9200,http://es2:9200}. A client spreads its requests over them and moves on to
 * another when one does not answer, so a cluster keeps serving with a node down.
 *
 * @param nodes at least one http(s) base URL, without a trailing slash
 */
public record ElasticsearchUrls(List<URI> nodes) {

    public static final String VARIABLE = "NEWSFLOW_ES_URL";
    public static final String DEFAULT = "http://127.0.0.1:9200";

    public ElasticsearchUrls {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("at least one Elasticsearch URL");
        }
        nodes = List.copyOf(nodes);
    }

    /** {@code NEWSFLOW_ES_URL}, default {@code http://127.0.0.1:9200}. */
    public static ElasticsearchUrls fromEnv(Env env) {
        return parse(VARIABLE, env.string(VARIABLE, DEFAULT));
    }

    /**
     * Parses a comma list of http(s) URLs.
     *
     * @param source what the list came from (a variable or an option), named in the error
     * @throws ConfigException naming the entry that is not an http(s) URL with a host
     */
    public static ElasticsearchUrls parse(String source, String list) {
        List<URI> nodes = new ArrayList<>();
        String[] entries = list.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            nodes.add(entry(source, entries[i].strip(), i + 1, entries.length));
        }
        return new ElasticsearchUrls(nodes);
    }

    public static ElasticsearchUrls of(URI... nodes) {
        return new ElasticsearchUrls(List.of(nodes));
    }

    /** The first node: where a tool that asks one question (cluster health, say) asks first. */
    public URI first() {
        return nodes.get(0);
    }

    /** The list as it is written in {@code NEWSFLOW_ES_URL}. */
    @Override
    public String toString() {
        return nodes.stream().map(URI::toString).collect(Collectors.joining(","));
    }

    private static URI entry(String source, String value, int position, int count) {
        String where = count == 1 ? source : source + " (entry " + position + " of " + count + ")";
        if (value.isEmpty()) {
            throw new ConfigException(where + " is empty; give http(s) URLs separated by commas, such as "
                    + "http://es1:9200,http://es2:9200");
        }
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(where + " must be an http(s) URL with a host, such as http://es1:9200, got \""
                        + value + "\"");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(where + " is not a valid URL: \"" + value + "\"");
        }
    }
}
