package dev.newsflow.e2e;

import java.util.List;

/**
 * One POST to ingest-service: a single native JSON article, or an NDJSON batch of several.
 *
 * @param contentType {@code application/json} or {@code application/x-ndjson}
 * @param body        what is sent, the same bytes on every retry
 * @param submissions the article versions it carries, in the order of the batch's items
 */
record FeedRequest(String contentType, String body, List<Submission> submissions) {

    FeedRequest {
        submissions = List.copyOf(submissions);
    }

    boolean batch() {
        return contentType.equals(ArticleStream.NDJSON);
    }
}
