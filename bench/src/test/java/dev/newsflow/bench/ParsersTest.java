package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsersTest {

    @Test
    void producerPerformanceSummaryIsTheLastLine() {
        String output = """
                101234 records sent, 20246.8 records/sec (47.12 MB/sec), 310.2 ms avg latency, 612.0 ms max latency.
                20000 records sent, 35714.3 records/sec (83.12 MB/sec), 210.50 ms avg latency, 412.00 ms max latency, \
                201 ms 50th, 390 ms 95th, 405 ms 99th, 411 ms 99.9th.
                """;

        assertThat(ProducerPerfResult.parse(output))
                .contains(new ProducerPerfResult(20000, 35714.3, 83.12, 201, 405));
    }

    @Test
    void producerPerformanceWithoutSummaryIsEmpty() {
        assertThat(ProducerPerfResult.parse("Exception in thread main")).isEmpty();
    }

    @Test
    void cpuTimeIsUserPlusSystemTicksAfterTheCommandName() {
        // The command name may hold spaces and parentheses; utime=250, stime=50 ticks.
        String stat = "4242 (java (worker) 1) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 30 0 100 "
                + "5000000 1000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcessUsage.cpuSeconds(stat)).isEqualTo(3.0);
    }

    @Test
    void peakMemoryIsVmHwmInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  400000 kB\n";

        assertThat(ProcessUsage.peakRss(status)).isEqualTo(512L * 1024 * 1024);
        assertThat(ProcessUsage.peakRss("Name:\tkthreadd\n")).isZero();
    }

    @Test
    void ownUsageIsReadFromProc() {
        ProcessUsage usage = ProcessUsage.of(ProcessHandle.current().pid());

        assertThat(usage.cpuSeconds()).isPositive();
        assertThat(usage.peakRssBytes()).isGreaterThan(1024L * 1024);
    }

    @Test
    void acceptedIdsComeFromSingleAndBatchAnswers() throws Exception {
        JsonNode single = Json.mapper().readTree("{\"id\":\"a1\",\"version\":1}");
        JsonNode batch = Json.mapper().readTree(
                "{\"items\":[{\"id\":\"b1\"},{\"index\":1,\"status\":400,\"detail\":\"no body\"},{\"id\":\"b3\"}]}");

        assertThat(PacedSender.ids(single)).containsExactly("a1");
        assertThat(PacedSender.ids(batch)).containsExactly("b1", "b3");
    }

    @Test
    void sustainedRateRunsFromTheFirstAcceptanceToNinetyPercentSearchable() {
        // 10 articles accepted at 0 (one later), seen one per 100 ms from 100 ms: 9 of them by 0.9 s.
        Map<String, Long> accepted = new java.util.HashMap<>();
        Map<String, Long> seen = new java.util.HashMap<>();
        for (int i = 0; i < 10; i++) {
            accepted.put("id" + i, i == 0 ? 0L : 50_000_000L);
            seen.put("id" + i, (i + 1) * 100_000_000L);
        }

        assertThat(EndToEndStage.sustainedRate(seen, accepted)).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
