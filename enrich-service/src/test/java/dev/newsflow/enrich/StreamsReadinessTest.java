package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class StreamsReadinessTest {

    @Test
    void readyOnlyWhenRunning() {
        assertThat(new StreamsReadiness(() -> State.RUNNING).problem()).isEmpty();
        assertThat(new StreamsReadiness(() -> State.REBALANCING).problem()).contains("Kafka Streams is REBALANCING");
    }

    @Test
    void startingAndRebalancingAreSettlingAFailedOrStoppingStreamIsNot() {
        assertThat(new StreamsReadiness(() -> State.CREATED).settling()).isTrue();
        assertThat(new StreamsReadiness(() -> State.REBALANCING).settling()).isTrue();
        assertThat(new StreamsReadiness(() -> State.ERROR).settling()).isFalse();
        assertThat(new StreamsReadiness(() -> State.PENDING_ERROR).settling()).isFalse();
        assertThat(new StreamsReadiness(() -> State.PENDING_SHUTDOWN).settling()).isFalse();
    }
}
