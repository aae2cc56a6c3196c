package dev.newsflow.cli;

import dev.newsflow.core.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a {@link StatusReport} as the one screen an operator reads. */
public final class StatusPrinter {

    private static final int REASON_CHARS = 100;

    private final PrintWriter out;

    public StatusPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(StatusReport report) {
        out.println("Newsflow status at " + Json.format(report.at()));
        kafka(report.kafka());
        deadLetters(report.deadLetters());
        index(report);
        services(report.services());
        findings(report.findings());
        out.flush();
    }

    private void kafka(KafkaStatus kafka) {
        out.println();
        out.println("Kafka " + kafka.bootstrap() + (kafka.reachable() ? "" : ": UNREACHABLE"));
        if (!kafka.reachable()) {
            return;
        }
        TextTable topics = new TextTable("TOPIC", "PARTITIONS", "END OFFSETS (partition:offset)");
        for (TopicStatus topic : kafka.topics()) {
            if (topic.exists()) {
                topics.row(topic.name(), topic.partitions().size(), offsets(topic.partitions()));
            } else {
                topics.row(topic.name(), "MISSING", "");
            }
        }
        topics.print(out, "  ");
        out.println();
        TextTable groups = new TextTable("CONSUMER GROUP", "TOPIC", "STATE", "MEMBERS", "LAG", "LAG BY PARTITION");
        for (GroupLag group : kafka.groups()) {
            groups.row(group.group(), group.topic(), group.state(), group.members(), group.total(), lags(group.partitions()));
        }
        groups.print(out, "  ");
        if (kafka.groups().stream().flatMap(g -> g.partitions().stream()).anyMatch(p -> p.committed() == null)) {
            out.println("  (* no committed offset: lag counts from the earliest kept record)");
        }
    }

    private void deadLetters(DeadLetterSummary summary) {
        out.println();
        if (summary.problem() != null) {
            out.println("Dead letters (" + summary.topic() + "): UNREADABLE - " + summary.problem());
            return;
        }
        String stages = summary.byStage().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        out.println("Dead letters (" + summary.topic() + "): " + summary.count()
                + (summary.count() == 0 ? "" : " (" + stages + "), " + summary.unreplayed() + " not replayed"));
        if (summary.latest().isEmpty()) {
            return;
        }
        TextTable latest = new TextTable("ID", "TIME", "STAGE", "KEY", "REASON");
        for (DeadLetter letter : summary.latest()) {
            latest.row(letter.id(), Json.format(letter.time()), letter.stage(), letter.keyText(),
                    Text.abbreviate(letter.reason(), REASON_CHARS));
        }
        latest.print(out, "  ");
    }

    private void index(StatusReport report) {
        IndexStatus index = report.index();
        out.println();
        if (!index.reachable()) {
            out.println("Elasticsearch " + index.url() + ": UNREACHABLE");
            return;
        }
        out.println("Elasticsearch " + index.url() + ": health " + index.health());
        if (index.indices().isEmpty()) {
            out.println("  alias " + index.alias() + ": MISSING");
            return;
        }
        out.println("  alias " + index.alias() + " -> " + String.join(", ", index.indices()) + ": "
                + index.documents() + " documents");
        out.println();
        if (index.sources().isEmpty()) {
            out.println("Sources: none indexed yet");
            return;
        }
        out.println("Sources (quiet after " + Text.age(report.quietAfter()) + ")");
        TextTable sources = new TextTable("SOURCE", "DOCUMENTS", "LAST ARTICLE", "AGE", "");
        for (SourceActivity source : index.sources()) {
            boolean known = source.lastIngestedAt() != null;
            sources.row(source.source(), source.documents(),
                    known ? Json.format(source.lastIngestedAt()) : "-",
                    known ? Text.age(Duration.between(source.lastIngestedAt(), report.at())) : "-",
                    report.quiet(source) ? "QUIET" : "");
        }
        sources.print(out, "  ");
    }

    private void services(List<ServiceStatus> services) {
        out.println();
        if (services.isEmpty()) {
            out.println("Services: not checked");
            return;
        }
        out.println("Services");
        TextTable table = new TextTable("SERVICE", "URL", "READY", "DETAIL");
        services.forEach(s -> table.row(s.name(), s.url(), s.ready() ? "READY" : "DOWN", s.ready() ? "" : s.detail()));
        table.print(out, "  ");
    }

    private void findings(List<Finding> findings) {
        out.println();
        long problems = findings.stream().filter(f -> f.severity() == Finding.Severity.PROBLEM).count();
        long degraded = findings.stream().filter(f -> f.severity() == Finding.Severity.DEGRADED).count();
        long warnings = findings.size() - problems - degraded;
        for (Finding finding : findings) {
            out.println(String.format("%-9s", finding.severity().name()) + finding.message());
        }
        out.println(problems > 0 ? "Status: UNHEALTHY (" + problems + " problems, "
                + (degraded > 0 ? degraded + " degraded, " : "") + warnings + " warnings)"
                : degraded > 0 ? "Status: DEGRADED (" + degraded + " findings, " + warnings + " warnings)"
                : warnings > 0 ? "Status: OK with " + warnings + " warnings" : "Status: OK");
    }

    static String offsets(List<PartitionRange> partitions) {
        return partitions.stream().map(p -> p.partition() + ":" + p.end()).collect(Collectors.joining(" "));
    }

    static String lags(List<PartitionLag> partitions) {
        return partitions.stream()
                .map(p -> p.partition() + ":" + p.lag() + (p.committed() == null ? "*" : ""))
                .collect(Collectors.joining(" "));
    }
}
