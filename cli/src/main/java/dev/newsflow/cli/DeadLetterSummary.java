package dev.newsflow.cli;

import java.util.List;
import java.util.Map;

/**
 * The dead letter topic at a glance.
 *
 * @param problem    why it could not be read, or null
 * @param count      dead letters in the topic
 * @param unreplayed of those, how many no replay has sent back yet
 * @param byStage    dead letters per stage
 * @param latest     the newest few, newest first
 */
public record DeadLetterSummary(String topic, String problem, int count, int unreplayed, Map<String, Integer> byStage,
                                List<DeadLetter> latest) {

    public DeadLetterSummary {
        byStage = Map.copyOf(byStage);
        latest = List.copyOf(latest);
    }

    public static DeadLetterSummary unreadable(String topic, String problem) {
        return new DeadLetterSummary(topic, problem, 0, 0, Map.of(), List.of());
    }
}
