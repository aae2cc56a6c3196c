package dev.newsflow.cli;

import java.util.List;

/**
 * What Elasticsearch holds for the pipeline.
 *
 * @param problem   why it could not be read, or null when it answered
 * @param health    the cluster health ({@code green}, {@code yellow}, {@code red}), or null when unknown
 * @param indices   the indices the alias points to; empty when the alias is missing
 * @param documents documents behind the alias
 * @param sources   each source's documents and newest article
 */
public record IndexStatus(String url, String problem, String health, String alias, List<String> indices,
                          long documents, List<SourceActivity> sources) {

    public IndexStatus {
        indices = List.copyOf(indices);
        sources = List.copyOf(sources);
    }

    public static IndexStatus unreachable(String url, String alias, String problem) {
        return new IndexStatus(url, problem, null, alias, List.of(), 0, List.of());
    }

    public boolean reachable() {
        return problem == null;
    }
}
