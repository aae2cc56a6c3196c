package dev.newsflow.core;

import java.time.Instant;
import java.util.List;

/** One article of each kind with every field set, each to a value of its own, so a field mixed up shows. */
final class FullArticles {

    private FullArticles() {
    }

    static RawArticle raw() {
        return RawArticle.builder()
                .id("id-1").source("wire").guid("urn:1").version(3).contentType("application/json")
                .title("Title").body("Body").bodyHtml("<p>Body</p>").url("https://example.test/1").language("en")
                .byline("By A. Writer")
                .publishedAt(Instant.parse("2026-11-01T10:00:00Z"))
                .firstCreatedAt(Instant.parse("2026-11-01T09:00:00Z"))
                .versionCreatedAt(Instant.parse("2026-11-01T09:30:00Z"))
                .embargoedUntil(Instant.parse("2026-11-01T08:00:00Z"))
                .subjects(List.of("medtop:07000000")).people(List.of("Ana Lima")).organizations(List.of("WHO"))
                .places(List.of("Geneva")).located("Geneva").dateline("GENEVA —").urgency(4)
                .pubstatus(PubStatus.USABLE).ingestedAt(Instant.parse("2026-11-01T10:00:01.234Z"))
                .build();
    }

    static EnrichedArticle enriched() {
        return EnrichedArticle.builder()
                .id("id-1").source("wire").guid("urn:1").version(3).url("https://example.test/1").title("Title")
                .body("Body").byline("By A. Writer").language("en").dateline(new Dateline("Geneva", "GENEVA —"))
                .publishedAt(Instant.parse("2026-11-01T10:00:00Z"))
                .ingestedAt(Instant.parse("2026-11-01T10:00:01.234Z"))
                .enrichedAt(Instant.parse("2026-11-01T10:00:02Z"))
                .indexedAt(Instant.parse("2026-11-01T10:00:03Z"))
                .people(List.of("Ana Lima")).organizations(List.of("WHO")).places(List.of("Geneva"))
                .topics(List.of("health")).keywords(List.of("vaccine")).subjects(List.of("medtop:07000000"))
                .wordCount(2).duplicateOf("id-0").pubstatus(PubStatus.USABLE).urgency(4)
                .embargoedUntil(Instant.parse("2026-11-01T08:00:00Z"))
                .build();
    }
}
