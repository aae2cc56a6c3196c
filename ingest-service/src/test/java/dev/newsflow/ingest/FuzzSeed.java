package dev.newsflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A valid payload the fuzz test mutates, one per format ingest reads.
 *
 * @param name        the file under {@code src/test/resources/fuzz/seeds}
 * @param contentType the Content-Type it is sent with
 * @param body        its bytes
 */
record FuzzSeed(String name, String contentType, byte[] body) {

    /** Every format of DESIGN.md's ingest table, feeds in the dialects Rome reads differently. */
    static List<FuzzSeed> all() {
        return List.of(
                load("article.json", "application/json"),
                load("articles.ndjson", "application/x-ndjson"),
                load("item.ninjs.json", "application/vnd.iptc.ninjs+json"),
                load("newsitem.xml", "application/vnd.iptc.g2.newsitem+xml"),
                load("newsmessage.xml", "application/xml"),
                load("feed.rss.xml", "application/rss+xml"),
                load("feed.atom.xml", "application/atom+xml"),
                load("feed.atom03.xml", "application/atom+xml"),
                load("feed.rdf.xml", "application/rss+xml"),
                load("feed.rss092.xml", "application/rss+xml"),
                load("page.html", "text/html"),
                load("story.txt", "text/plain"));
    }

    private static FuzzSeed load(String name, String contentType) {
        try (InputStream in = FuzzSeed.class.getResourceAsStream("/fuzz/seeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource fuzz/seeds/" + name);
            }
            return new FuzzSeed(name, contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
