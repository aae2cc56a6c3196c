package dev.newsflow.cli;

import java.net.URI;
import java.util.List;

/**
 * How much of a cluster's redundancy is left: what a degraded cluster lacks while it still serves.
 *
 * @param brokers          brokers in Kafka's metadata; 0 when Kafka could not be asked
 * @param underReplicated  partitions of the pipeline's topics with fewer in-sync replicas than replicas
 *                         (a broker is down or behind): the next failure may cost writes
 * @param offline          partitions without a leader: nothing can be written to or read from them
 * @param esNodesDown      listed Elasticsearch nodes that did not answer
 * @param esNodesListed    how many nodes {@code NEWSFLOW_ES_URL} lists
 */
public record Redundancy(int brokers, List<String> underReplicated, List<String> offline, List<URI> esNodesDown,
                         int esNodesListed) {

    /** Nothing known: a report made without asking (tests of other parts). */
    public static final Redundancy UNKNOWN = new Redundancy(0, List.of(), List.of(), List.of(), 0);

    public Redundancy {
        underReplicated = List.copyOf(underReplicated);
        offline = List.copyOf(offline);
        esNodesDown = List.copyOf(esNodesDown);
    }
}
