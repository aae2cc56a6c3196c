package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ProblemException;
import dev.newsflow.core.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    private List<ParsedItem> parse(String xml, String type) {
        ParsedPayload payload = parser.parse(xml.getBytes(StandardCharsets.UTF_8), MediaType.parse(type));
        assertThat(payload.batch()).isTrue();
        return payload.items();
    }

    private static RawArticle article(ParsedItem item) {
        assertThat(item).isInstanceOf(ParsedItem.Valid.class);
        return ((ParsedItem.Valid) item).article();
    }

    @Test
    void everyRssItemIsAnArticle() {
        List<ParsedItem> items = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel>
                    <title>Wire</title><link>https://wire.example/</link><description>d</description>
                    <language>en-gb</language>
                    <item>
                      <title>Full item</title>
                      <link>https://wire.example/story/1</link>
                      <guid isPermaLink="false">urn:wire:1</guid>
                      <description>&lt;p&gt;Summary&lt;/p&gt;</description>
                      <content:encoded><![CDATA[<p>The whole story.</p>]]></content:encoded>
                      <pubDate>Wed, 01 May 2024 12:30:00 GMT</pubDate>
                      <dc:creator>Ann Writer</dc:creator>
                      <category>Economy</category><category>Banks</category>
                    </item>
                    <item>
                      <title>No guid</title>
                      <link>https://wire.example/story/2</link>
                      <description>Only a description.</description>
                    </item>
                    <item>
                      <description>Neither guid nor link.</description>
                    </item>
                  </channel>
                </rss>
                """, "application/rss+xml");

        assertThat(items).hasSize(3);
        RawArticle full = article(items.get(0));
        assertThat(full.guid()).isEqualTo("urn:wire:1");
        assertThat(full.contentType()).isEqualTo("application/rss+xml");
        assertThat(full.title()).isEqualTo("Full item");
        assertThat(full.url()).isEqualTo("https://wire.example/story/1");
        assertThat(full.bodyHtml()).isEqualTo("<p>The whole story.</p>");
        assertThat(full.publishedAt()).isEqualTo(Instant.parse("2024-05-01T12:30:00Z"));
        assertThat(full.versionCreatedAt()).isEqualTo(full.publishedAt());
        assertThat(full.byline()).isEqualTo("Ann Writer");
        assertThat(full.subjects()).containsExactly("Economy", "Banks");
        assertThat(full.language()).isEqualTo("en-gb");

        RawArticle noGuid = article(items.get(1));
        assertThat(noGuid.guid()).isEqualTo("https://wire.example/story/2");
        assertThat(noGuid.bodyHtml()).isEqualTo("Only a description.");
        assertThat(noGuid.versionCreatedAt()).isNull();

        RawArticle bare = article(items.get(2));
        assertThat(bare.guid()).isNull();
        assertThat(bare.url()).isNull();
    }

    @Test
    void everyAtomEntryIsAnArticle() {
        List<ParsedItem> items = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
                  <title>Wire</title><id>urn:wire:feed</id><updated>2024-05-02T10:00:00Z</updated>
                  <entry>
                    <id>urn:wire:atom:1</id>
                    <title>Atom story</title>
                    <link rel="alternate" href="https://wire.example/a/1"/>
                    <published>2024-05-02T08:00:00Z</published>
                    <updated>2024-05-02T09:15:00.500Z</updated>
                    <author><name>Ann</name></author><author><name>Bo</name></author>
                    <category term="politics"/>
                    <summary type="text">Short.</summary>
                    <content type="html">&lt;p&gt;Long.&lt;/p&gt;</content>
                  </entry>
                  <entry>
                    <id>urn:wire:atom:2</id><title>Text only</title><updated>2024-05-02T09:00:00Z</updated>
                    <content type="text">Plain words.</content>
                  </entry>
                </feed>
                """, "application/atom+xml");

        RawArticle first = article(items.get(0));
        assertThat(first.guid()).isEqualTo("urn:wire:atom:1");
        assertThat(first.url()).isEqualTo("https://wire.example/a/1");
        assertThat(first.bodyHtml()).isEqualTo("<p>Long.</p>");
        assertThat(first.body()).isEqualTo("Short.");
        assertThat(first.byline()).isEqualTo("Ann, Bo");
        assertThat(first.subjects()).containsExactly("politics");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-05-02T08:00:00Z"));
        assertThat(first.versionCreatedAt()).isEqualTo(Instant.parse("2024-05-02T09:15:00.500Z"));
        assertThat(first.contentType()).isEqualTo("application/atom+xml");

        RawArticle second = article(items.get(1));
        assertThat(second.body()).isEqualTo("Plain words.");
        assertThat(second.bodyHtml()).isNull();
    }

    @Test
    void anItemWithAnUnreadableDateOrNoTextIsRefusedAloneNamingItsElement() {
        List<ParsedItem> items = parse("""
                <rss version="2.0"><channel><title>t</title><link>https://w.example/</link><description>d</description>
                  <item><guid>a</guid><description>fine</description></item>
                  <item><guid>b</guid><description>x</description><pubDate>yesterday at noon</pubDate></item>
                  <item><guid>c</guid><title>Headline only</title></item>
                </channel></rss>
                """, "application/rss+xml");

        assertThat(items.get(0)).isInstanceOf(ParsedItem.Valid.class);
        assertThat(items.get(1)).isInstanceOfSatisfying(ParsedItem.Invalid.class, bad -> {
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.problem().extensions()).containsEntry("element", "rss/channel/item[2]/pubDate");
            assertThat(bad.detail()).contains("yesterday at noon");
        });
        assertThat(items.get(2)).isInstanceOfSatisfying(ParsedItem.Invalid.class, bad -> {
            assertThat(bad.problem().extensions()).containsEntry("element", "rss/channel/item[3]");
            assertThat(bad.detail()).contains("carries no text");
        });
    }

    @Test
    void refusesDocumentsThatAreNoFeedOrHoldNoItems() {
        assertThatThrownBy(() -> parse("<html><body/></html>", "application/rss+xml"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().detail()).contains("not an RSS or Atom feed"));
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><channel><title>t</title></channel></rss>",
                "application/rss+xml"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().detail()).contains("no items"));
        assertThatThrownBy(() -> parse("<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss>&x;</rss>",
                "application/rss+xml"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().detail()).contains("DOCTYPE").doesNotContain("root:"));
    }
}
