package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverSortedSamples() {
        // 1 ms .. 200 ms, shuffled by reversing: p50 is the 100th, p95 the 190th, p99 the 198th.
        long[] nanos = LongStream.rangeClosed(1, 200).map(i -> (201 - i) * 1_000_000).toArray();

        Latencies latencies = Latencies.ofNanos(nanos);

        assertThat(latencies.count()).isEqualTo(200);
        assertThat(latencies.p50()).isEqualTo(100.0);
        assertThat(latencies.p95()).isEqualTo(190.0);
        assertThat(latencies.p99()).isEqualTo(198.0);
        assertThat(latencies.max()).isEqualTo(200.0);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Latencies latencies = Latencies.ofNanos(new long[]{3_500_000});

        assertThat(latencies.p50()).isEqualTo(3.5);
        assertThat(latencies.p99()).isEqualTo(3.5);
    }

    @Test
    void smallSetsRoundTheRankUp() {
        long[] sorted = {10, 20, 30, 40};

        assertThat(Latencies.nearestRank(sorted, 50)).isEqualTo(20);
        assertThat(Latencies.nearestRank(sorted, 51)).isEqualTo(30);
        assertThat(Latencies.nearestRank(sorted, 99)).isEqualTo(40);
    }

    @Test
    void noSamplesIsNotAMeasurement() {
        assertThat(Latencies.ofNanos(new long[0])).isEqualTo(Latencies.NONE);
        assertThat(Latencies.NONE.p99()).isNaN();
    }

    @Test
    void inputIsNotReordered() {
        long[] nanos = {3, 1, 2};

        Latencies.ofNanos(nanos);

        assertThat(nanos).containsExactly(3, 1, 2);
    }
}
