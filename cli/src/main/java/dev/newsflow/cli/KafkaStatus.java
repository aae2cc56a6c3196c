package dev.newsflow.cli;

import java.util.List;

/**
 * What Kafka holds for the pipeline.
 *
 * @param problem why Kafka could not be read, or null when it answered
 */
public record KafkaStatus(String bootstrap, String problem, List<TopicStatus> topics, List<GroupLag> groups) {

    public KafkaStatus {
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
    }

    public static KafkaStatus unreachable(String bootstrap, String problem) {
        return new KafkaStatus(bootstrap, problem, List.of(), List.of());
    }

    public boolean reachable() {
        return problem == null;
    }
}
