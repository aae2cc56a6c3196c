package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
    void costIsPerThousandArticles() {
        ServiceCost cost = new ServiceCost("enrich-service", 30.0, 6000, 512L * 1024 * 1024);

        assertThat(cost.cpuSecondsPer1000()).isEqualTo(5.0);
        assertThat(cost.peakRssMiB()).isEqualTo(512.0);
        assertThat(new ServiceCost("x", 1, 0, 0).cpuSecondsPer1000()).isNaN();
    }
}
