package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class NewsmlG2ParserTest {

    private static final MediaType NEWS_ITEM = MediaType.parse("application/vnd.iptc.g2.newsitem+xml");
    private static final String NAR = "http://iptc.org/std/nar/2006-10-01/";

    private final NewsmlG2Parser parser = new NewsmlG2Parser();

    private ParsedPayload parse(String xml, MediaType type) {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), type);
    }

    private ParsedItem.Valid parseItem(String xml) {
        ParsedPayload payload = parse(xml, NEWS_ITEM);
        assertThat(payload.batch()).isFalse();
        return (ParsedItem.Valid) payload.items().getFirst();
    }

    private Problem problemOf(String xml) {
        ProblemException thrown = Assertions.catchThrowableOfType(ProblemException.class, () -> parse(xml, NEWS_ITEM));
        assertThat(thrown).as("a ProblemException").isNotNull();
        assertThat(thrown.problem().status()).isEqualTo(400);
        return thrown.problem();
    }

    private static String newsItem(String attributes, String itemMeta, String contentMeta, String contentSet) {
        return "<newsItem xmlns=\"" + NAR + "\" standard=\"NewsML-G2\" standardversion=\"2.33\" " + attributes + ">"
                + "<itemMeta><itemClass qcode=\"ninat:text\"/>" + itemMeta + "</itemMeta>"
                + "<contentMeta>" + contentMeta + "</contentMeta>"
                + "<contentSet>" + contentSet + "</contentSet></newsItem>";
    }

    private static final String XHTML = "<inlineXML contenttype=\"application/xhtml+xml\">"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head>"
            + "<body><p>Rates were held.</p></body></html></inlineXML>";

    @Test
    void readsEveryNewsItemField() {
        ParsedItem.Valid item = parseItem("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + newsItem(
                "guid=\"urn:newsml:wire.example:20240501:rates\" version=\"5\" xml:lang=\"en-GB\"",
                "<versionCreated>2024-05-01T12:31:00Z</versionCreated>"
                        + "<firstCreated>2024-05-01T10:00:00+02:00</firstCreated>"
                        + "<embargoed>2099-01-01T00:00:00Z</embargoed><pubStatus qcode=\"stat:usable\"/>",
                "<urgency>3</urgency>"
                        + "<located qcode=\"geo:frankfurt\"><name>Frankfurt</name></located>"
                        + "<creator uri=\"https://wire.example/staff/ann\"><name>Ann Writer</name></creator>"
                        + "<language tag=\"en\"/>"
                        + "<subject qcode=\"medtop:04000000\"><name>economy, business and finance</name></subject>"
                        + "<subject type=\"cpnat:person\" qcode=\"wirep:lagarde\"><name>Christine Lagarde</name></subject>"
                        + "<subject type=\"cpnat:organisation\" qcode=\"wireo:ecb\"><name>European Central Bank</name></subject>"
                        + "<subject type=\"cpnat:geoArea\" qcode=\"city:frankfurt\"><name>Frankfurt</name></subject>"
                        + "<subject type=\"cpnat:poi\" qcode=\"poi:eurotower\"><name>Eurotower</name></subject>"
                        + "<slugline>ECB-RATES</slugline>"
                        + "<headline role=\"hld:sub\">Second line</headline>"
                        + "<headline role=\"hld:main\">ECB holds rates</headline>"
                        + "<dateline>FRANKFURT, May 1 (Wire)</dateline>",
                XHTML));

        RawArticle a = item.article();
        assertThat(item.feedVersion()).isEqualTo(5L);
        assertThat(a.guid()).isEqualTo("urn:newsml:wire.example:20240501:rates");
        assertThat(a.contentType()).isEqualTo("application/vnd.iptc.g2.newsitem+xml");
        assertThat(a.title()).isEqualTo("ECB holds rates");
        assertThat(a.bodyHtml()).contains("<p>Rates were held.</p>").startsWith("<html");
        assertThat(a.body()).isNull();
        assertThat(a.versionCreatedAt()).isEqualTo(Instant.parse("2024-05-01T12:31:00Z"));
        assertThat(a.firstCreatedAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(a.publishedAt()).isEqualTo(a.firstCreatedAt());
        assertThat(a.embargoedUntil()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(a.pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(a.urgency()).isEqualTo(3);
        assertThat(a.located()).isEqualTo("Frankfurt");
        assertThat(a.dateline()).isEqualTo("FRANKFURT, May 1 (Wire)");
        assertThat(a.byline()).isEqualTo("Ann Writer");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.subjects()).containsExactly("medtop:04000000", "economy, business and finance", "wirep:lagarde",
                "wireo:ecb", "city:frankfurt", "poi:eurotower");
        assertThat(a.people()).containsExactly("Christine Lagarde");
        assertThat(a.organizations()).containsExactly("European Central Bank");
        assertThat(a.places()).containsExactly("Frankfurt", "Eurotower");
    }

    @Test
    void readsNitfAsParagraphsAndPlainInlineDataAsText() {
        String nitf = "<inlineXML contenttype=\"application/nitf+xml\"><nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\">"
                + "<body><body.head><hedline><hl1>Head</hl1></hedline></body.head><body.content>"
                + "<p>First   paragraph\n   wraps.</p><p>Second <em>one</em>.</p></body.content></body></nitf></inlineXML>";

        RawArticle fromNitf = parseItem(newsItem("guid=\"a\"", "", "<by>By Jo</by>", nitf)).article();
        RawArticle fromData = parseItem(newsItem("guid=\"b\"", "", "",
                "<inlineData contenttype=\"text/plain\">Just text.</inlineData>")).article();

        assertThat(fromNitf.body()).isEqualTo("First paragraph wraps.\n\nSecond one.");
        assertThat(fromNitf.byline()).isEqualTo("By Jo");
        assertThat(fromNitf.language()).isNull();
        assertThat(fromData.body()).isEqualTo("Just text.");
        assertThat(fromData.title()).isNull();
    }

    @Test
    void aCanceledItemNeedsNoTextAndKeepsItsGuidAndVersion() {
        ParsedItem.Valid item = parseItem(newsItem("guid=\"urn:wire:7\" version=\"4\"",
                "<pubStatus qcode=\"stat:canceled\"/>", "", ""));

        assertThat(item.article().pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(item.article().guid()).isEqualTo("urn:wire:7");
        assertThat(item.feedVersion()).isEqualTo(4L);
    }

    @Test
    void aNewsMessageIsABatchWithAResultPerItem() {
        String message = "<newsMessage xmlns=\"" + NAR + "\"><header><sent>2024-05-01T12:00:00Z</sent></header><itemSet>"
                + newsItem("guid=\"one\" version=\"1\"", "", "<headline>One</headline>", XHTML).replace(" xmlns=\"" + NAR + "\"", "")
                + newsItem("guid=\"two\"", "", "<urgency>12</urgency>", XHTML).replace(" xmlns=\"" + NAR + "\"", "")
                + "<packageItem guid=\"pkg\"/>"
                + newsItem("guid=\"four\"", "", "", "<remoteContent href=\"https://wire.example/p.jpg\"/>")
                        .replace(" xmlns=\"" + NAR + "\"", "")
                + "</itemSet></newsMessage>";

        ParsedPayload payload = parse(message, MediaType.parse("application/xml"));

        assertThat(payload.batch()).isTrue();
        List<ParsedItem> items = payload.items();
        assertThat(items).hasSize(4);
        assertThat(((ParsedItem.Valid) items.get(0)).article().title()).isEqualTo("One");
        assertThat(items.get(1)).isInstanceOfSatisfying(ParsedItem.Invalid.class, bad -> {
            assertThat(bad.problem().extensions()).containsEntry("element", "newsMessage/itemSet/newsItem[2]/contentMeta/urgency");
            assertThat(bad.detail()).contains("\"12\"");
        });
        assertThat(items.get(2)).isInstanceOfSatisfying(ParsedItem.Invalid.class,
                bad -> assertThat(bad.detail()).contains("packageItem is not ingested"));
        assertThat(items.get(3)).isInstanceOfSatisfying(ParsedItem.Invalid.class,
                bad -> assertThat(bad.detail()).contains("carries no text"));
    }

    @Test
    void namesTheElementOfAnUnparseableDateOrVersion() {
        Problem date = problemOf(newsItem("guid=\"g\"", "<versionCreated>May 1st</versionCreated>", "", XHTML));
        Problem version = problemOf(newsItem("guid=\"g\" version=\"two\"", "", "", XHTML));
        Problem status = problemOf(newsItem("guid=\"g\"", "<pubStatus qcode=\"stat:lost\"/>", "", XHTML));

        assertThat(date.extensions()).containsEntry("element", "newsItem/itemMeta/versionCreated");
        assertThat(date.detail()).contains("\"May 1st\"");
        assertThat(version.extensions()).containsEntry("element", "newsItem/@version");
        assertThat(status.extensions()).containsEntry("element", "newsItem/itemMeta/pubStatus/@qcode");
    }

    @Test
    void refusesMalformedXmlWithItsLineAndOtherRootElements() {
        Problem malformed = problemOf("<newsItem xmlns=\"" + NAR + "\">\n<itemMeta>\n</newsItem>");
        Problem concept = problemOf("<conceptItem xmlns=\"" + NAR + "\"/>");
        Problem feedAsNewsItem = problemOf("<rss version=\"2.0\"><channel/></rss>");

        assertThat(malformed.extensions()).containsEntry("line", 3);
        assertThat(malformed.detail()).startsWith("malformed XML at line 3");
        assertThat(concept.detail()).contains("newsItem or newsMessage, not conceptItem");
        assertThat(feedAsNewsItem.detail()).contains("application/rss+xml");
    }

    @Test
    void aFeedSentAsApplicationXmlIsReadAsAFeed() {
        ParsedPayload payload = parse("<rss version=\"2.0\"><channel><title>c</title><item><guid>g1</guid>"
                + "<description>Text</description></item></channel></rss>", MediaType.parse("application/xml"));

        assertThat(payload.batch()).isTrue();
        assertThat(((ParsedItem.Valid) payload.items().getFirst()).article().contentType()).isEqualTo("application/rss+xml");
    }
}
