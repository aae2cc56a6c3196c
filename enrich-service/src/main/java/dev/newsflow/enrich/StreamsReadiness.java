package dev.newsflow.enrich;

import dev.newsflow.core.HealthCheck;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Ready while Kafka Streams is RUNNING; otherwise says which state it is in (REBALANCING, ERROR, ...). Starting
 * and rebalancing are {@linkplain #settling() settling}; shutting down and failed are not.
 */
final class StreamsReadiness implements HealthCheck {

    private final Supplier<KafkaStreams.State> state;

    StreamsReadiness(Supplier<KafkaStreams.State> state) {
        this.state = state;
    }

    @Override
    public Optional<String> problem() {
        KafkaStreams.State now = state.get();
        return now == KafkaStreams.State.RUNNING ? Optional.empty() : Optional.of("Kafka Streams is " + now);
    }

    @Override
    public boolean settling() {
        KafkaStreams.State now = state.get();
        return now == KafkaStreams.State.CREATED || now == KafkaStreams.State.REBALANCING;
    }
}
