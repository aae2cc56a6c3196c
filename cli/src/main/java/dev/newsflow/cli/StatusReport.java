package dev.newsflow.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code newsflow status} found, and what of it needs attention.
 *
 * @param at         when the report was taken; source ages count from it
 * @param quietAfter a source without articles for longer is flagged
 * @param services   one status per service instance
 * @param redundancy what a cluster has left of its spare brokers, replicas, nodes
 */
public record StatusReport(Instant at, Duration quietAfter, KafkaStatus kafka, DeadLetterSummary deadLetters,
                           IndexStatus index, List<ServiceStatus> services, Redundancy redundancy) {

    /** Exit code: everything healthy (warnings allowed unless strict). */
    public static final int HEALTHY = 0;
    /** Exit code: something is down or broken. */
    public static final int UNHEALTHY = 1;
    /** Exit code: serving, but a broker, node or instance is down, or replicas are missing. */
    public static final int DEGRADED = 3;

    public StatusReport {
        services = List.copyOf(services);
    }

    /** A report without redundancy figures (a single-node stack, or tests of other parts). */
    public StatusReport(Instant at, Duration quietAfter, KafkaStatus kafka, DeadLetterSummary deadLetters,
                        IndexStatus index, List<ServiceStatus> services) {
        this(at, quietAfter, kafka, deadLetters, index, services, Redundancy.UNKNOWN);
    }

    /** Problems first, then warnings. */
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        kafkaFindings(findings);
        indexFindings(findings);
        serviceFindings(findings);
        redundancyFindings(findings);
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return findings;
    }

    /**
     * {@link #UNHEALTHY} when something is wrong (with {@code strict}, warnings included), else {@link #DEGRADED}
     * when the cluster lost redundancy, else {@link #HEALTHY}.
     */
    public int exitCode(boolean strict) {
        List<Finding> findings = findings();
        if (findings.stream().anyMatch(f -> f.severity() == Finding.Severity.PROBLEM)) {
            return UNHEALTHY;
        }
        if (findings.stream().anyMatch(f -> f.severity() == Finding.Severity.DEGRADED)) {
            return DEGRADED;
        }
        return strict && !findings.isEmpty() ? UNHEALTHY : HEALTHY;
    }

    /**
     * An instance that is not ready degrades its service while another instance is ready, or is settling: an
     * instance in a rebalance or a restore, say taking over a dead one's partitions, is on its way to ready by
     * itself. With none ready and none settling the service is down.
     */
    private void serviceFindings(List<Finding> findings) {
        for (ServiceStatus service : services) {
            if (service.ready()) {
                continue;
            }
            List<ServiceStatus> same = services.stream().filter(s -> s.name().equals(service.name())).toList();
            long ready = same.stream().filter(ServiceStatus::ready).count();
            long settling = same.stream().filter(ServiceStatus::settling).count();
            String message = service.name() + "-service at " + service.url() + " is not ready: " + service.detail();
            if (ready > 0) {
                findings.add(Finding.degraded(message + " (" + ready + " of " + same.size() + " instances ready)"));
            } else if (settling > 0) {
                findings.add(Finding.degraded(message + " (none of " + same.size() + " instances ready, "
                        + settling + " settling)"));
            } else {
                findings.add(Finding.problem(message));
            }
        }
    }

    private void redundancyFindings(List<Finding> findings) {
        if (!redundancy.offline().isEmpty()) {
            findings.add(Finding.problem(redundancy.offline().size() + " partitions have no leader (brokers down?): "
                    + Text.abbreviate(String.join(", ", redundancy.offline()), 200)));
        }
        if (!redundancy.underReplicated().isEmpty()) {
            findings.add(Finding.degraded(redundancy.underReplicated().size() + " partitions are under-replicated ("
                    + redundancy.brokers() + " brokers answer): " + Text.abbreviate(String.join(", ",
                    redundancy.underReplicated()), 200)));
        }
        if (!redundancy.esNodesDown().isEmpty() && redundancy.esNodesDown().size() < redundancy.esNodesListed()) {
            redundancy.esNodesDown().forEach(node -> findings.add(Finding.degraded("Elasticsearch node " + node
                    + " does not answer (" + (redundancy.esNodesListed() - redundancy.esNodesDown().size()) + " of "
                    + redundancy.esNodesListed() + " listed nodes do)")));
        }
    }

    /** Whether a source sent nothing for longer than the threshold. */
    public boolean quiet(SourceActivity source) {
        return source.lastIngestedAt() == null || Duration.between(source.lastIngestedAt(), at).compareTo(quietAfter) > 0;
    }

    private void kafkaFindings(List<Finding> findings) {
        if (!kafka.reachable()) {
            findings.add(Finding.problem(kafka.problem()));
            return;
        }
        kafka.topics().stream().filter(t -> !t.exists())
                .forEach(t -> findings.add(Finding.problem("topic " + t.name() + " does not exist")));
        for (GroupLag group : kafka.groups()) {
            if (group.total() == 0) {
                continue;
            }
            if (group.neverCommitted()) {
                findings.add(Finding.warning("consumer group " + group.group() + " has committed nothing on "
                        + group.topic() + " (" + group.total() + " records waiting); is its service running?"));
            } else if (group.members() == 0) {
                findings.add(Finding.warning("consumer group " + group.group() + " has no members and lags "
                        + group.total() + " records on " + group.topic()));
            }
        }
        if (deadLetters.problem() != null) {
            findings.add(Finding.problem("cannot read " + deadLetters.topic() + ": " + deadLetters.problem()));
        } else if (deadLetters.unreplayed() > 0) {
            findings.add(Finding.warning(deadLetters.unreplayed() + " dead letters not replayed; see newsflow dlq list"));
        }
    }

    private void indexFindings(List<Finding> findings) {
        if (!index.reachable()) {
            findings.add(Finding.problem(index.problem()));
            return;
        }
        if ("red".equals(index.health())) {
            findings.add(Finding.problem("Elasticsearch cluster health is red"));
        } else if ("yellow".equals(index.health())) {
            findings.add(Finding.degraded("Elasticsearch cluster health is yellow: some replica shards are not allocated"));
        } else if (!"green".equals(index.health())) {
            findings.add(Finding.warning("Elasticsearch cluster health is " + index.health()));
        }
        if (index.indices().isEmpty()) {
            findings.add(Finding.problem("alias " + index.alias() + " does not exist; has index-service started?"));
        }
        for (SourceActivity source : index.sources()) {
            if (quiet(source)) {
                findings.add(Finding.warning("source " + source.source() + " has sent nothing for "
                        + (source.lastIngestedAt() == null ? "ever" : Text.age(Duration.between(source.lastIngestedAt(), at)))
                        + " (quiet after " + Text.age(quietAfter) + ")"));
            }
        }
    }
}
