package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class NinjsParserTest {

    private static final MediaType NINJS = MediaType.parse("application/vnd.iptc.ninjs+json");
    private final NinjsParser parser = new NinjsParser();

    private ParsedItem.Valid parse(String json) {
        ParsedPayload payload = parser.parse(json.getBytes(StandardCharsets.UTF_8), NINJS);
        assertThat(payload.batch()).isFalse();
        return (ParsedItem.Valid) payload.items().getFirst();
    }

    private Problem problemOf(String json) {
        ThrowingCallable call = () -> parse(json);
        ProblemException thrown = Assertions.catchThrowableOfType(ProblemException.class, call);
        assertThat(thrown).as("a ProblemException").isNotNull();
        assertThat(thrown.problem().status()).isEqualTo(400);
        return thrown.problem();
    }

    @Test
    void readsNinjs1FieldNames() {
        ParsedItem.Valid item = parse("""
                {"uri":"urn:newsml:wire.example:20240501:rates","version":"3","type":"text",
                 "versioncreated":"2024-05-01T12:31:00Z","firstcreated":"2024-05-01T10:00:00+02:00",
                 "embargoed":"2099-01-01T00:00:00Z","pubstatus":"usable","urgency":2,"language":"en",
                 "headline":"Bank holds rates","byline":"By Ann Writer","located":"Frankfurt",
                 "body_text":"The bank held rates.","body_html":"<p>The bank held rates.</p>",
                 "subject":[{"name":"economy","scheme":"http://cv.iptc.org/newscodes/mediatopic/","code":"04000000"},
                            {"name":"central bank","code":"medtop:20000350"}],
                 "person":[{"name":"Christine Lagarde","rel":"about"}],
                 "organisation":[{"name":"European Central Bank"}],
                 "place":[{"name":"Frankfurt","code":"2925533"}]}
                """);

        RawArticle a = item.article();
        assertThat(item.feedVersion()).isEqualTo(3L);
        assertThat(a.guid()).isEqualTo("urn:newsml:wire.example:20240501:rates");
        assertThat(a.contentType()).isEqualTo("application/vnd.iptc.ninjs+json");
        assertThat(a.title()).isEqualTo("Bank holds rates");
        assertThat(a.body()).isEqualTo("The bank held rates.");
        assertThat(a.bodyHtml()).isEqualTo("<p>The bank held rates.</p>");
        assertThat(a.byline()).isEqualTo("By Ann Writer");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.located()).isEqualTo("Frankfurt");
        assertThat(a.versionCreatedAt()).isEqualTo(Instant.parse("2024-05-01T12:31:00Z"));
        assertThat(a.firstCreatedAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(a.publishedAt()).isEqualTo(a.firstCreatedAt());
        assertThat(a.embargoedUntil()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(a.urgency()).isEqualTo(2);
        assertThat(a.pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(a.subjects()).containsExactly("http://cv.iptc.org/newscodes/mediatopic/04000000", "economy",
                "medtop:20000350", "central bank");
        assertThat(a.people()).containsExactly("Christine Lagarde");
        assertThat(a.organizations()).containsExactly("European Central Bank");
        assertThat(a.places()).containsExactly("Frankfurt");
    }

    @Test
    void readsNinjs2FieldNamesPickingTheMainHeadlineAndAnHtmlOnlyBody() {
        ParsedItem.Valid item = parse("""
                {"uri":"https://wire.example/items/42","version":"7","versioncreated":"2024-05-02T09:00:00.250Z",
                 "headlines":[{"role":"sub","value":"Markets calm"},{"role":"main","value":"Storm hits coast"}],
                 "bodies":[{"role":"main","contenttype":"text/html","value":"<p>The storm arrived.</p>"}],
                 "by":"Jo Reporter","embargoed":"2099-05-02T09:00:00Z","pubstatus":"withheld",
                 "subjects":[{"uri":"http://cv.iptc.org/newscodes/mediatopic/06000000","name":"environment"},
                             {"literal":"weather"}],
                 "people":[{"name":"Ann Mayor"}],"organisations":[{"name":"Coast Guard"}],
                 "places":[{"name":"Brighton"}],"located":"Brighton","urgency":4}
                """);

        RawArticle a = item.article();
        assertThat(item.feedVersion()).isEqualTo(7L);
        assertThat(a.title()).isEqualTo("Storm hits coast");
        assertThat(a.body()).isNull();
        assertThat(a.bodyHtml()).isEqualTo("<p>The storm arrived.</p>");
        assertThat(a.byline()).isEqualTo("Jo Reporter");
        assertThat(a.versionCreatedAt()).isEqualTo(Instant.parse("2024-05-02T09:00:00.250Z"));
        assertThat(a.publishedAt()).isEqualTo(a.versionCreatedAt());
        assertThat(a.embargoedUntil()).isEqualTo(Instant.parse("2099-05-02T09:00:00Z"));
        assertThat(a.pubstatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(a.subjects()).containsExactly("http://cv.iptc.org/newscodes/mediatopic/06000000", "environment",
                "weather");
        assertThat(a.people()).containsExactly("Ann Mayor");
        assertThat(a.organizations()).containsExactly("Coast Guard");
        assertThat(a.places()).containsExactly("Brighton");
        assertThat(a.located()).isEqualTo("Brighton");
    }

    @Test
    void readsNinjs3CamelCaseNamesAndAWithdrawalWithoutText() {
        ParsedItem.Valid item = parse("""
                {"uri":"urn:wire:99","version":"2","versionCreated":"2024-05-03T10:00:00Z",
                 "firstCreated":"2024-05-03","embargoedUntil":"2099-01-01T00:00:00Z","pubStatus":"canceled",
                 "standard":{"name":"ninjs","version":"3.0"}}
                """);

        RawArticle a = item.article();
        assertThat(a.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(a.withdrawn()).isTrue();
        assertThat(a.guid()).isEqualTo("urn:wire:99");
        assertThat(item.feedVersion()).isEqualTo(2L);
        assertThat(a.versionCreatedAt()).isEqualTo(Instant.parse("2024-05-03T10:00:00Z"));
        assertThat(a.firstCreatedAt()).isEqualTo(Instant.parse("2024-05-03T00:00:00Z"));
        assertThat(a.embargoedUntil()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
    }

    @Test
    void picksTheFirstTextAndMarkupBodiesAndTheFirstHeadlineWhenNoneIsMain() {
        ParsedItem.Valid item = parse("""
                {"uri":"urn:wire:5","headlines":[{"role":"short","value":"First"},{"role":"long","value":"Second"}],
                 "bodies":[{"contentType":"application/nitf+xml","value":"<nitf><body/></nitf>"},
                           {"value":"Plain text."},{"value":"Later text."}]}
                """);

        assertThat(item.article().title()).isEqualTo("First");
        assertThat(item.article().body()).isEqualTo("Plain text.");
        assertThat(item.article().bodyHtml()).isEqualTo("<nitf><body/></nitf>");
        assertThat(item.feedVersion()).isNull();
    }

    @Test
    void readsTheDraft20ArrayFormsOfHeadlineAndBody() {
        ParsedItem.Valid item = parse("""
                {"uri":"urn:wire:draft","headline":[{"name":"sub","text":"Minor"},{"name":"main","text":"Major"}],
                 "body":[{"name":"xhtml","value":"<p>Marked up.</p>"},{"name":"text","value":"Plain."}]}
                """);

        assertThat(item.article().title()).isEqualTo("Major");
        assertThat(item.article().body()).isEqualTo("Plain.");
        assertThat(item.article().bodyHtml()).isEqualTo("<p>Marked up.</p>");
    }

    @Test
    void anItemWithoutUriHasNoGuidSoIdentityFallsBackToItsText() {
        ParsedItem.Valid item = parse("{\"headline\":\"No uri\",\"body_text\":\"Some text.\",\"version\":4}");

        assertThat(item.article().guid()).isNull();
        assertThat(item.feedVersion()).isEqualTo(4L);
    }

    @Test
    void refusesOutOfRangeUrgencyNamingTheField() {
        Problem problem = problemOf("{\"uri\":\"u\",\"body_text\":\"x\",\"urgency\":0}");

        assertThat(problem.extensions()).containsEntry("field", "urgency");
        assertThat(problem.detail()).contains("1 (most urgent) to 9");
    }

    @Test
    void refusesAnUnparseableDateNamingTheFieldAsSpelled() {
        Problem problem = problemOf("{\"uri\":\"u\",\"bodies\":[{\"value\":\"x\"}],\"versionCreated\":\"yesterday\"}");

        assertThat(problem.extensions()).containsEntry("field", "versionCreated");
        assertThat(problem.detail()).contains("\"yesterday\"");
    }

    @Test
    void refusesItemsWithoutTextAVersionThatIsNoNumberAndMalformedJson() {
        assertThat(problemOf("{\"uri\":\"u\",\"headline\":\"only a headline\"}").detail()).contains("carries no text");
        assertThat(problemOf("{\"uri\":\"u\",\"body_text\":\"x\",\"version\":\"v2\"}").extensions())
                .containsEntry("field", "version");
        assertThat(problemOf("{\"uri\":\"u\",\"bodies\":\"x\"}").detail()).contains("bodies must be an array");
        assertThat(problemOf("{\"uri\":\"u\",\n\"body_text\" \"x\"}").extensions()).containsEntry("line", 2);
        assertThat(problemOf("{\"uri\":\"u\",\"body_text\":\"x\",\"pubstatus\":\"gone\"}").extensions())
                .containsEntry("field", "pubstatus");
    }
}
