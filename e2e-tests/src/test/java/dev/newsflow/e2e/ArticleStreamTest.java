package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleStreamTest {

    @Test
    void theSameSeedSendsTheSameStream() {
        assertThat(bodies(new ArticleStream("wire", "urn:t", 7), 200))
                .isEqualTo(bodies(new ArticleStream("wire", "urn:t", 7), 200));
    }

    @Test
    void versionsOfAStoryRiseAndNothingFollowsItsKill() throws Exception {
        ArticleStream stream = new ArticleStream("wire", "urn:t", 11);
        Map<String, Long> latest = new HashMap<>();
        Set<String> killed = new HashSet<>();
        int updates = 0;
        int batches = 0;
        for (int i = 0; i < 2000; i++) {
            FeedRequest request = stream.next(stream.nextSize());
            batches += request.batch() ? 1 : 0;
            for (Submission submission : request.submissions()) {
                assertThat(killed).doesNotContain(submission.guid());
                assertThat(submission.id()).isEqualTo(ArticleId.of("wire", submission.guid()));
                Long before = latest.put(submission.guid(), submission.version());
                assertThat(submission.version()).isEqualTo(before == null ? 1 : before + 1);
                updates += before != null && !submission.killed() ? 1 : 0;
                if (submission.killed()) {
                    killed.add(submission.guid());
                }
            }
        }
        assertThat(updates).isPositive();
        assertThat(killed).isNotEmpty();
        assertThat(batches).isPositive();
    }

    @Test
    void storiesAreShortAndBatchesAreNdjsonOfThem() throws Exception {
        ArticleStream stream = new ArticleStream("wire", "urn:t", 3);
        FeedRequest batch = stream.next(6);
        assertThat(batch.contentType()).isEqualTo(ArticleStream.NDJSON);
        List<String> lines = batch.body().lines().toList();
        assertThat(lines).hasSize(6);
        for (String line : lines) {
            JsonNode story = Json.mapper().readTree(line);
            assertThat(story.path("body").asText().split("\\s+").length).isBetween(60, 160);
            assertThat(story.path("pubstatus").asText()).isEqualTo("usable");
        }
    }

    private static List<String> bodies(ArticleStream stream, int requests) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            bodies.add(stream.next(stream.nextSize()).body());
        }
        return bodies;
    }
}
