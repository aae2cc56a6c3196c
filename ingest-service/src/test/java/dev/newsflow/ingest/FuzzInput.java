package dev.newsflow.ingest;

/**
 * One generated request for the parser fuzz test.
 *
 * @param contentType the Content-Type header to send, possibly not the one the body is written in
 * @param body        the request body
 * @param recipe      the mutations that made it, for the failure report
 */
record FuzzInput(String contentType, byte[] body, String recipe) {
}
