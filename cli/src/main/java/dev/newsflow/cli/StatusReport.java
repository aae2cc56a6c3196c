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
 */
public record StatusReport(Instant at, Duration quietAfter, KafkaStatus kafka, DeadLetterSummary deadLetters,
                           IndexStatus index, List<ServiceStatus> services) {

    public StatusReport {
        services = List.copyOf(services);
    }

    /** Problems first, then warnings. */
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        kafkaFindings(findings);
        indexFindings(findings);
        for (ServiceStatus service : services) {
            if (!service.ready()) {
                findings.add(Finding.problem(service.name() + "-service at " + service.url() + " is not ready: "
                        + service.detail()));
            }
        }
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return findings;
    }

    /** 0 when healthy, 1 when something is wrong (with {@code strict}, warnings included). */
    public int exitCode(boolean strict) {
        return findings().stream().anyMatch(f -> f.severity() == Finding.Severity.PROBLEM || strict) ? 1 : 0;
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
