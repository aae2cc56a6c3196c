package dev.newsflow.e2e;

import dev.newsflow.cli.CommandLines;
import dev.newsflow.cli.StatusCommand;
import dev.newsflow.cli.StatusReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./newsflow status} run over and over on a thread of its own while a test goes on, each answer kept
 * with its time. It runs the cli's {@link StatusCommand} in this JVM with the environment the script would
 * pass, so the same code gives the verdict; the script only adds a JVM start per run, which two cores shared
 * with a cluster cannot spare every second. A run takes well under a second while all answer and up to its
 * timeouts (5 s a server) while something does not; the next starts a second after it ends.
 */
final class StatusWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusWatch.class);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    /** The status prints each finding as its severity padded to nine characters, then the message. */
    private static final Pattern FINDING = Pattern.compile("^(PROBLEM|DEGRADED|WARNING) +(.*)$", Pattern.MULTILINE);
    private static final int BRIEF_CHARS = 70;
    private static final int REASONS_SHOWN = 6;

    /**
     * One run of the status.
     *
     * @param at       when it started: it describes the moment after this
     * @param exitCode 0 healthy, 3 degraded, 1 unhealthy, as the script exits
     * @param findings what it printed at the end, one line each ({@code DEGRADED 6 partitions are under-replicated …})
     * @param lag      each consumer group's total lag as its table shows it, by a short name ({@code enrich}, {@code index})
     */
    record Observation(Instant at, int exitCode, List<String> findings, Map<String, Long> lag) {

        Observation {
            findings = List.copyOf(findings);
            lag = Collections.unmodifiableMap(new TreeMap<>(lag));
        }

        /**
         * Reads the status's output; anything on its error stream becomes a finding too.
         *
         * @param groups the consumer groups whose lag to read, by short name
         */
        static Observation parse(Instant at, int exitCode, String out, String err, Map<String, String> groups) {
            List<String> findings = new ArrayList<>();
            Matcher m = FINDING.matcher(out);
            while (m.find()) {
                findings.add(m.group(1) + " " + m.group(2).strip());
            }
            if (!err.isBlank()) {
                findings.add("ERROR " + err.strip());
            }
            Map<String, Long> lag = new TreeMap<>();
            groups.forEach((name, group) -> {
                // The groups table: CONSUMER GROUP, TOPIC, STATE, MEMBERS, LAG, LAG BY PARTITION.
                Matcher row = Pattern.compile("^\\s+" + Pattern.quote(group) + "\\s+\\S+\\s+\\S+\\s+\\d+\\s+(\\d+)",
                        Pattern.MULTILINE).matcher(out);
                if (row.find()) {
                    lag.put(name, Long.parseLong(row.group(1)));
                }
            });
            return new Observation(at, exitCode, findings, lag);
        }

        String verdict() {
            return switch (exitCode) {
                case StatusReport.HEALTHY -> "OK";
                case StatusReport.DEGRADED -> "DEGRADED";
                case StatusReport.UNHEALTHY -> "UNHEALTHY";
                default -> "EXIT " + exitCode;
            };
        }

        boolean healthy() {
            return exitCode == StatusReport.HEALTHY;
        }

        /** Whether the verdict is degraded with a degraded finding that contains one of {@code signs}. */
        boolean degradedBy(List<String> signs) {
            return exitCode == StatusReport.DEGRADED && findings.stream()
                    .anyMatch(f -> f.startsWith("DEGRADED ") && signs.stream().anyMatch(f::contains));
        }

        /** The findings that decide the verdict: the problems and the degraded ones, not the warnings. */
        List<String> reasons() {
            return findings.stream().filter(f -> !f.startsWith("WARNING ")).toList();
        }
    }

    /**
     * Consecutive observations with one verdict.
     *
     * @param reasons the distinct reasons given during it, in the order first given
     * @param maxLag  each group's largest lag seen during it
     */
    record Stretch(String verdict, Instant from, Instant to, int runs, List<String> reasons, Map<String, Long> maxLag) {

        Stretch {
            reasons = List.copyOf(reasons);
            maxLag = Collections.unmodifiableMap(new TreeMap<>(maxLag));
        }

        /** One line: the verdict, its times from {@code origin}, how often seen, the largest lags and why. */
        String describe(Instant origin) {
            String more = reasons.size() > REASONS_SHOWN ? " | and " + (reasons.size() - REASONS_SHOWN) + " more" : "";
            return verdict + " " + seconds(origin, from) + " to " + seconds(origin, to) + " (" + runs + " runs"
                    + (maxLag.isEmpty() ? "" : ", lag up to " + lags(maxLag)) + ")"
                    + (reasons.isEmpty() ? "" : ": " + String.join(" | ", reasons.subList(0, Math.min(reasons.size(),
                    REASONS_SHOWN))) + more);
        }

        /** The verdict, when it began, and its first reason cut short: for a table cell. */
        String brief(Instant origin) {
            String reason = reasons.isEmpty() ? "" : " (" + abbreviated(reasons.getFirst()) + ")";
            return verdict + " " + seconds(origin, from) + reason;
        }
    }

    private final Map<String, String> env;
    /** The pipeline's consumer groups by short name, as the status names them: the variables or their defaults. */
    private final Map<String, String> groups;
    private final Instant started = Instant.now();
    private final List<Observation> observations = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor();

    private StatusWatch(Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.groups = Map.of("enrich", env.getOrDefault("NEWSFLOW_ENRICH_APP_ID", "newsflow-enrich"),
                "index", env.getOrDefault("NEWSFLOW_INDEX_GROUP_ID", "newsflow-index"));
    }

    /** Starts running the status now, against what {@code env} names (as {@code ./newsflow status} reads it). */
    static StatusWatch start(Map<String, String> env) {
        StatusWatch watch = new StatusWatch(env);
        watch.runner.scheduleWithFixedDelay(watch::observeLogged, 0, PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** When the watch started: the origin of the times it reports. */
    Instant started() {
        return started;
    }

    List<Observation> observations() {
        return List.copyOf(observations);
    }

    Optional<Observation> latest() {
        return observations.isEmpty() ? Optional.empty() : Optional.of(observations.getLast());
    }

    /** The observations so far as stretches of one verdict each. */
    List<Stretch> stretches() {
        return stretches(observations());
    }

    static List<Stretch> stretches(List<Observation> observations) {
        List<Stretch> stretches = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= observations.size(); i++) {
            if (i == observations.size() || !observations.get(i).verdict().equals(observations.get(first).verdict())) {
                List<Observation> same = observations.subList(first, i);
                if (!same.isEmpty()) {
                    Map<String, Long> maxLag = new TreeMap<>();
                    same.forEach(o -> o.lag().forEach((group, lag) -> maxLag.merge(group, lag, Math::max)));
                    stretches.add(new Stretch(same.getFirst().verdict(), same.getFirst().at(), same.getLast().at(),
                            same.size(), same.stream().flatMap(o -> o.reasons().stream()).distinct().toList(), maxLag));
                }
                first = i;
            }
        }
        return stretches;
    }

    /** A scheduled task that throws is not run again, and says so nowhere: this says it. */
    private void observeLogged() {
        try {
            observe();
        } catch (RuntimeException e) {
            log.error("the status watch stopped", e);
            throw e;
        }
    }

    private void observe() {
        Instant at = Instant.now();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLines.create(new StatusCommand(env, Clock.systemUTC()), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute();
        Observation observation = Observation.parse(at, code, out.toString(), err.toString(), groups);
        Optional<Observation> previous = latest();
        observations.add(observation);
        // Every run in one line; its reasons only when they changed, as they repeat for as long as a fault lasts.
        boolean changed = previous.isEmpty() || previous.get().exitCode() != code
                || !previous.get().reasons().equals(observation.reasons());
        log.info("newsflow status {}: {}, lag {}{}", seconds(started, at), observation.verdict(), lags(observation.lag()),
                changed && !observation.reasons().isEmpty() ? "\n  " + String.join("\n  ", observation.reasons()) : "");
    }

    @Override
    public void close() {
        runner.shutdownNow();
        try {
            if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("the status watch did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code +12.3 s}: the time from {@code origin} ({@code -1.5 s} before it). */
    static String seconds(Instant origin, Instant at) {
        return String.format(Locale.ROOT, "%+.1f s", Duration.between(origin, at).toMillis() / 1000.0);
    }

    /** {@code enrich 120, index 4}. */
    private static String lags(Map<String, Long> lag) {
        return lag.isEmpty() ? "unknown" : lag.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String abbreviated(String text) {
        return text.length() <= BRIEF_CHARS ? text : text.substring(0, BRIEF_CHARS - 1) + "…";
    }

    /** Every stretch on a line of its own. */
    static String describe(List<Stretch> stretches, Instant origin) {
        return stretches.stream().map(s -> "  " + s.describe(origin)).collect(Collectors.joining("\n"));
    }
}
