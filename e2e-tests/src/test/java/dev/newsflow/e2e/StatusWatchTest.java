package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusWatchTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static final Map<String, String> GROUPS = Map.of("enrich", "e2e-enrich-1", "index", "e2e-index-1");

    /** The consumer groups and the end of what {@code newsflow status} prints: its findings, then the summary line. */
    private static final String DEGRADED_OUTPUT = """
              CONSUMER GROUP  TOPIC                     STATE   MEMBERS  LAG  LAG BY PARTITION
              e2e-enrich-1    e2e.news.articles.raw     Stable  2        120  0:100 1:20
              e2e-index-1     e2e.news.articles.enriched Stable 2        0    0:0 1:0

            Services
              SERVICE  URL                     READY  DETAIL
              enrich   http://127.0.0.1:8082   DOWN   not reachable (connection refused)

            DEGRADED 6 partitions are under-replicated (2 brokers answer): e2e.news.articles.raw-0
            DEGRADED enrich-service at http://127.0.0.1:8082 is not ready: not reachable (1 of 2 instances ready)
            WARNING  source afp has sent nothing for 4h (quiet after 1h)
            Status: DEGRADED (2 findings, 1 warnings)
            """;

    @Test
    void readsTheFindingsAndTheVerdictOfOneRun() {
        StatusWatch.Observation seen = StatusWatch.Observation.parse(T0, 3, DEGRADED_OUTPUT, "", GROUPS);

        assertThat(seen.verdict()).isEqualTo("DEGRADED");
        assertThat(seen.findings()).containsExactly(
                "DEGRADED 6 partitions are under-replicated (2 brokers answer): e2e.news.articles.raw-0",
                "DEGRADED enrich-service at http://127.0.0.1:8082 is not ready: not reachable (1 of 2 instances ready)",
                "WARNING source afp has sent nothing for 4h (quiet after 1h)");
        assertThat(seen.reasons()).hasSize(2).noneMatch(f -> f.startsWith("WARNING"));
        assertThat(seen.degradedBy(List.of("enrich-service at http://127.0.0.1:8082"))).isTrue();
        assertThat(seen.degradedBy(List.of("index-service at"))).isFalse();
        assertThat(seen.healthy()).isFalse();
        assertThat(seen.lag()).containsExactly(Map.entry("enrich", 120L), Map.entry("index", 0L));
    }

    @Test
    void anErrorOfTheCommandIsAFindingAndNoVerdictIsDegradedWithoutExitCodeThree() {
        StatusWatch.Observation seen = StatusWatch.Observation.parse(T0, 1, DEGRADED_OUTPUT, "newsflow: timed out\n", GROUPS);

        assertThat(seen.verdict()).isEqualTo("UNHEALTHY");
        assertThat(seen.findings()).last().isEqualTo("ERROR newsflow: timed out");
        assertThat(seen.degradedBy(List.of("under-replicated"))).isFalse();
    }

    @Test
    void consecutiveRunsWithOneVerdictMakeAStretchWithEveryReasonOnce() {
        List<StatusWatch.Observation> seen = List.of(
                new StatusWatch.Observation(T0, 0, List.of(), Map.of()),
                new StatusWatch.Observation(T0.plusSeconds(2), 0, List.of("WARNING quiet"), Map.of()),
                new StatusWatch.Observation(T0.plusSeconds(4), 3, List.of("DEGRADED a"), Map.of("enrich", 40L)),
                new StatusWatch.Observation(T0.plusSeconds(6), 3, List.of("DEGRADED b", "DEGRADED a"), Map.of("enrich", 30L)),
                new StatusWatch.Observation(T0.plusSeconds(8), 0, List.of(), Map.of()));

        List<StatusWatch.Stretch> stretches = StatusWatch.stretches(seen);

        assertThat(stretches).extracting(StatusWatch.Stretch::verdict).containsExactly("OK", "DEGRADED", "OK");
        assertThat(stretches.get(1).reasons()).containsExactly("DEGRADED a", "DEGRADED b");
        assertThat(stretches.get(1).runs()).isEqualTo(2);
        assertThat(stretches.get(1).describe(T0)).isEqualTo("DEGRADED +4.0 s to +6.0 s (2 runs, lag up to enrich 40): DEGRADED a | DEGRADED b");
        assertThat(stretches.get(1).brief(T0)).isEqualTo("DEGRADED +4.0 s (DEGRADED a)");
        assertThat(StatusWatch.stretches(List.of())).isEmpty();
    }
}
