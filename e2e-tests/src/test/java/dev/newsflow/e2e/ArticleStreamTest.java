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

    @Test
    void copiesDifferInTwoWordsAtMostAndTheirOriginalsAreNeverUpdatedOrKilled() throws Exception {
        ArticleStream stream = new ArticleStream("wire", "urn:t", 5, 0.2);
        Map<String, JsonNode> sent = new HashMap<>();
        Set<String> copied = new HashSet<>();
        List<StoryCopy> copies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            FeedRequest request = stream.next(stream.nextSize());
            List<String> lines = request.body().lines().toList();
            for (int k = 0; k < lines.size(); k++) {
                String id = request.submissions().get(k).id();
                assertThat(copied).as("an original sent again").doesNotContain(id);
                sent.put(id, Json.mapper().readTree(lines.get(k)));
            }
            for (StoryCopy copy : stream.takeCopies()) {
                assertThat(sent).as("a copy's original is sent before it is handed out").containsKey(copy.originalId());
                copied.add(copy.originalId());
                copies.add(copy);
            }
        }
        // A fifth of the new stories: about 2,000 of them in 1,000 requests (a tenth are batches of 5 to 20).
        assertThat(copies.size()).isBetween(300, 550);
        for (StoryCopy copy : copies) {
            JsonNode original = sent.get(copy.originalId());
            JsonNode edited = Json.mapper().readTree(copy.request().body());
            assertThat(copy.id()).isEqualTo(ArticleId.of("wire", edited.path("guid").asText())).isNotIn(sent.keySet());
            assertThat(edited.path("title").asText()).isNotEqualTo(original.path("title").asText());
            assertThat(changedWords(original.path("body").asText(), edited.path("body").asText())).isBetween(1, 2);
            assertThat(copy.after().toSeconds()).isBetween(5L, 30L);
        }
    }

    private static int changedWords(String a, String b) {
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        assertThat(y).hasSameSizeAs(x);
        int changed = 0;
        for (int i = 0; i < x.length; i++) {
            changed += x[i].equals(y[i]) ? 0 : 1;
        }
        return changed;
    }

    private static List<String> bodies(ArticleStream stream, int requests) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            bodies.add(stream.next(stream.nextSize()).body());
        }
        return bodies;
    }
}
