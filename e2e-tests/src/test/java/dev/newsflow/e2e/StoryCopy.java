package dev.newsflow.e2e;

import java.time.Duration;

/**
 * A near-duplicate of one of a stream's stories, as a second agency re-sends a wire story: a guid of its
 * own, another headline, two words of the body changed ({@link StoryText#edited}).
 *
 * @param originalId the article id of the story it copies, which its {@code duplicate_of} must name
 * @param request    the copy, one native JSON article
 * @param after      how long after its original was answered the copy is sent at the earliest
 */
record StoryCopy(String originalId, FeedRequest request, Duration after) {

    /** The copy's own article id. */
    String id() {
        return request.submissions().getFirst().id();
    }
}
