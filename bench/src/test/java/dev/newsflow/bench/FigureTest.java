package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void ratioIsTheStageOverItsCeiling() {
        assertThat(Figure.rate("index", "indexer", 3600, "raw _bulk", 4000).ratio()).isEqualTo(0.9);
    }

    @Test
    void noCeilingOrAZeroOneGivesNoRatio() {
        assertThat(Figure.alone("search", "p50", 12, "ms").ratio()).isNaN();
        assertThat(Figure.rate("index", "indexer", 10, "raw", 0).ratio()).isNaN();
        assertThat(Ratio.of(Double.NaN, 10)).isNaN();
    }

    @Test
    void aRatioTargetIsMetAtOrAboveIt() {
        assertThat(Figure.rate("index", "i", 3600, "raw", 4000).atLeast(0.9).met()).contains(true);
        assertThat(Figure.rate("index", "i", 3500, "raw", 4000).atLeast(0.9).met()).contains(false);
    }

    @Test
    void aValueBoundIsMetAtOrBelowIt() {
        assertThat(Figure.alone("end to end", "p99", 2000, "ms").atMost(2000).met()).contains(true);
        assertThat(Figure.alone("end to end", "p99", 2400, "ms").atMost(2000).met()).contains(false);
    }

    @Test
    void withoutTargetOrMeasurementNothingIsClaimed() {
        assertThat(Figure.alone("search", "p50", 12, "ms").met()).isEmpty();
        assertThat(Figure.alone("end to end", "p99", Double.NaN, "ms").atMost(2000).met()).isEmpty();
    }

    @Test
    void twoEnrichInstancesAreComparedWithOneByRateWithTargetAndByCpuWithout() {
        EnrichStage.Result enrich = new EnrichStage.Result(2, new EnrichStage.Rate(20, 19), new EnrichStage.Rate(30, 17),
                new EnrichStage.Rate(28, 16), new EnrichStage.Rate(22, 21), new EnrichStage.Rate(40, 20), 2000, 5700,
                new StepCosts(Map.of("entities", 30.0, "clean", 4.0, "topics", 5.0), 200));
        BenchSettings settings = new BenchSettings(2000, 50, 4, 100, 400, 42, Path.of("bench.md"), null, BenchStage.ENRICH);

        List<Figure> rows = new FigureTable(settings).enrich(enrich);

        Figure rate = rows.stream().filter(f -> f.measure().equals("topology, 2 instances × 1 stream thread")).findFirst()
                .orElseThrow();
        assertThat(rate.ceiling()).isEqualTo("topology, 1 instance × 1 stream thread");
        assertThat(rate.ratio()).isEqualTo(1.4);
        assertThat(rate.met()).contains(true);
        Figure perCpu = rows.stream().filter(f -> f.measure().equals("topology, 2 instances × 1 stream thread, per CPU second"))
                .findFirst().orElseThrow();
        assertThat(perCpu.ratio()).isEqualTo(16.0 / 19);
        assertThat(perCpu.met()).isEmpty();
    }

    @Test
    void costIsPerThousandArticles() {
        ServiceCost cost = new ServiceCost("enrich-service", 30.0, 6000, 512L * 1024 * 1024);

        assertThat(cost.cpuSecondsPer1000()).isEqualTo(5.0);
        assertThat(cost.peakRssMiB()).isEqualTo(512.0);
        assertThat(new ServiceCost("x", 1, 0, 0).cpuSecondsPer1000()).isNaN();
    }
}
