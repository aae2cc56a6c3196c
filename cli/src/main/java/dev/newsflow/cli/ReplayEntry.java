package dev.newsflow.cli;

import java.time.Instant;

/**
 * The ledger's record of one replayed dead letter (JSON on the replay ledger topic).
 *
 * @param deadLetter      the dead letter's partition@offset in {@code deadLetterTopic}
 * @param key             the record key (article id)
 * @param targetTopic     where it was sent back to
 * @param targetPosition  partition@offset of the replayed record there
 * @param replayedBy      the operator account and host that ran the replay
 */
public record ReplayEntry(String deadLetter, String deadLetterTopic, String stage, String key, String targetTopic,
                          String targetPosition, Instant replayedAt, String replayedBy) {
}
