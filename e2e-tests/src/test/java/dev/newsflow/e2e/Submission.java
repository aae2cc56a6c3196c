package dev.newsflow.e2e;

/**
 * One version of one article as a feed client sent it.
 *
 * @param id      the article id ingest-service gives it (core's ArticleId of source and guid)
 * @param guid    the feed's own id of the story
 * @param version the feed's version; an update sends a higher one
 * @param killed  whether this version withdraws the story ({@code pubstatus: canceled})
 */
record Submission(String id, String guid, long version, boolean killed) {
}
