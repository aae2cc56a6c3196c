package dev.newsflow.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the feed clients sent and what each send got: a 202 (acknowledged), no answer in the
 * end (unconfirmed: the service may or may not have stored it), or a refusal. Only acknowledged
 * versions are promised; an unconfirmed one is never counted as lost. Thread-safe.
 */
final class Ledger {

    private enum Outcome { ACKNOWLEDGED, UNCONFIRMED, REFUSED }

    private record Entry(Submission submission, Outcome outcome) {
    }

    private final Map<String, List<Entry>> byId = new LinkedHashMap<>();
    private final List<String> refusals = new ArrayList<>();
    private int sent;
    private int acknowledged;
    private Instant lastAcknowledgedAt;

    synchronized void acknowledged(Submission submission) {
        record(submission, Outcome.ACKNOWLEDGED);
        acknowledged++;
        lastAcknowledgedAt = Instant.now();
    }

    synchronized void unconfirmed(Submission submission) {
        record(submission, Outcome.UNCONFIRMED);
    }

    synchronized void refused(Submission submission, String why) {
        record(submission, Outcome.REFUSED);
        refusals.add(submission.id() + " v" + submission.version() + ": " + why);
    }

    private void record(Submission submission, Outcome outcome) {
        byId.computeIfAbsent(submission.id(), id -> new ArrayList<>()).add(new Entry(submission, outcome));
        sent++;
    }

    /** Article versions sent, each counted once however often it was retried. */
    synchronized int sent() {
        return sent;
    }

    /** Article versions answered with 202. */
    synchronized int acknowledged() {
        return acknowledged;
    }

    /** Versions the service refused (a 4xx other than 429), with the reason; valid articles should have none. */
    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    synchronized Optional<Instant> lastAcknowledgedAt() {
        return Optional.ofNullable(lastAcknowledgedAt);
    }

    /** Every id that was sent at all, acknowledged or not. */
    synchronized Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }

    /** For each id with at least one 202, what the index must hold at the end. */
    synchronized Map<String, Expected> expectations() {
        Map<String, Expected> expected = new LinkedHashMap<>();
        byId.forEach((id, entries) -> {
            Submission latest = null;
            List<Submission> later = new ArrayList<>();
            for (Entry entry : entries) {
                if (entry.outcome() == Outcome.ACKNOWLEDGED) {
                    latest = entry.submission();
                    later.clear();
                } else if (entry.outcome() == Outcome.UNCONFIRMED) {
                    later.add(entry.submission());
                }
            }
            if (latest != null) {
                expected.put(id, new Expected(latest, later));
            }
        });
        return expected;
    }
}
