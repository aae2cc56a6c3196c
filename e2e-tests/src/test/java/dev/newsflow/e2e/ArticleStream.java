package dev.newsflow.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.Json;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What one feed client sends, seeded so a failing run can be repeated: mostly new stories, some
 * updates (same guid, next version) and some kills ({@code pubstatus: canceled}) of its own earlier
 * stories, and now and then an NDJSON batch of new stories. Each client owns its guids and sends one
 * request at a time, so the versions of a story reach ingest in order, as from a real feed.
 * Optionally a share of the new stories also gets a near-duplicate {@link StoryCopy} for another sender
 * to send later ({@link #takeCopies()}); such a story is never updated or killed, so that its copy still
 * matches it. Not thread-safe: one per client thread.
 */
final class ArticleStream {

    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    private static final double UPDATE_SHARE = 0.15;
    private static final double KILL_SHARE = 0.07;
    private static final double BATCH_SHARE = 0.10;
    private static final int MIN_BATCH = 5;
    private static final int MAX_BATCH = 20;
    private static final int COPY_AFTER_MIN_SECONDS = 5;
    private static final int COPY_AFTER_MAX_SECONDS = 30;

    private final String source;
    private final String guidPrefix;
    private final SplittableRandom random;
    private final double copyShare;
    /** guid → latest version sent, for stories not killed. */
    private final Map<String, Long> live = new LinkedHashMap<>();
    private final List<String> liveGuids = new ArrayList<>();
    private final List<StoryCopy> copies = new ArrayList<>();
    private int serial;
    private int copySerial;

    ArticleStream(String source, String guidPrefix, long seed) {
        this(source, guidPrefix, seed, 0);
    }

    /** @param copyShare the share of new stories that also get a near-duplicate copy; 0 sends the same stream as without */
    ArticleStream(String source, String guidPrefix, long seed, double copyShare) {
        this.source = source;
        this.guidPrefix = guidPrefix;
        this.random = new SplittableRandom(seed);
        this.copyShare = copyShare;
    }

    /** How many articles the next request should carry: 1, or a batch size. */
    int nextSize() {
        return random.nextDouble() < BATCH_SHARE ? random.nextInt(MIN_BATCH, MAX_BATCH + 1) : 1;
    }

    /** The next request, carrying {@code articles} of them: a batch of new stories, or one new story, update or kill. */
    FeedRequest next(int articles) {
        if (articles > 1) {
            List<Submission> submissions = new ArrayList<>();
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < articles; i++) {
                Map<String, Object> story = newStory();
                submissions.add(submission(story));
                body.append(json(story)).append('\n');
            }
            return new FeedRequest(NDJSON, body.toString(), submissions);
        }
        double dice = random.nextDouble();
        Map<String, Object> story = liveGuids.isEmpty() || dice >= UPDATE_SHARE + KILL_SHARE ? newStory()
                : dice < UPDATE_SHARE ? update(pickLive()) : kill(pickLive());
        return new FeedRequest(JSON, json(story), List.of(submission(story)));
    }

    /** The copies of the stories of the requests made since the last call, to be sent after their originals. */
    List<StoryCopy> takeCopies() {
        List<StoryCopy> taken = List.copyOf(copies);
        copies.clear();
        return taken;
    }

    private Map<String, Object> newStory() {
        String guid = guidPrefix + ":" + (++serial);
        Map<String, Object> story = story(guid, 1L);
        // No draw without copies: the same seed then sends the same stream as before copies existed.
        if (copyShare > 0 && random.nextDouble() < copyShare) {
            copies.add(copyOf(story));
        } else {
            live.put(guid, 1L);
            liveGuids.add(guid);
        }
        return story;
    }

    /** Another agency's version of the story: a guid of its own, another headline, two words changed. */
    private StoryCopy copyOf(Map<String, Object> original) {
        Map<String, Object> copy = new LinkedHashMap<>(original);
        String n = Integer.toString(++copySerial);
        copy.put("guid", guidPrefix + ":copy:" + n);
        copy.put("title", StoryText.title(random, "copy " + n));
        copy.put("body", StoryText.edited(random, (String) original.get("body")));
        Duration after = Duration.ofSeconds(random.nextInt(COPY_AFTER_MIN_SECONDS, COPY_AFTER_MAX_SECONDS + 1));
        return new StoryCopy(submission(original).id(), new FeedRequest(JSON, json(copy), List.of(submission(copy))), after);
    }

    private Map<String, Object> update(String guid) {
        long version = live.merge(guid, 1L, Long::sum);
        return story(guid, version);
    }

    private Map<String, Object> kill(String guid) {
        long version = live.remove(guid) + 1;
        liveGuids.remove(guid);
        Map<String, Object> kill = new LinkedHashMap<>();
        kill.put("guid", guid);
        kill.put("version", version);
        kill.put("pubstatus", "canceled");
        return kill;
    }

    private String pickLive() {
        return liveGuids.get(random.nextInt(liveGuids.size()));
    }

    private Map<String, Object> story(String guid, long version) {
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("guid", guid);
        story.put("version", version);
        story.put("title", StoryText.title(random, guid.substring(guid.lastIndexOf(':') + 1) + "/v" + version));
        story.put("body", StoryText.body(random));
        story.put("language", "en");
        story.put("urgency", 1 + random.nextInt(9));
        story.put("pubstatus", "usable");
        return story;
    }

    private Submission submission(Map<String, Object> story) {
        String guid = (String) story.get("guid");
        return new Submission(ArticleId.of(source, guid), guid, (Long) story.get("version"),
                "canceled".equals(story.get("pubstatus")));
    }

    private static String json(Map<String, Object> story) {
        try {
            return Json.mapper().writeValueAsString(story);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
