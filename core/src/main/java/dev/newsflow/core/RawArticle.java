package dev.newsflow.core;

import java.time.Instant;
import java.util.List;

/**
 * A story as a feed delivered it, on {@code news.articles.raw}: the feed's metadata and
 * its text or HTML, not yet cleaned. {@code id}, {@code version} and {@code ingestedAt}
 * are set by ingest-service (DESIGN.md, Identity and versions).
 *
 * @param contentType the media type the story arrived as; enrich-service cleans
 *                    {@code text/plain} and {@code text/html} bodies accordingly
 */
public record RawArticle(
        String id,
        String source,
        String guid,
        long version,
        String contentType,
        String title,
        String body,
        String bodyHtml,
        String url,
        String language,
        String byline,
        Instant publishedAt,
        Instant firstCreatedAt,
        Instant versionCreatedAt,
        Instant embargoedUntil,
        List<String> subjects,
        List<String> people,
        List<String> organizations,
        List<String> places,
        String located,
        String dateline,
        Integer urgency,
        PubStatus pubstatus,
        Instant ingestedAt) {

    public RawArticle {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        people = people == null ? List.of() : List.copyOf(people);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        places = places == null ? List.of() : List.copyOf(places);
    }

    /** The same story with the identity ingest-service gave it. */
    public RawArticle withIdentity(String newId, String newGuid, long newVersion, Instant newIngestedAt) {
        return new RawArticle(newId, source, newGuid, newVersion, contentType, title, body, bodyHtml, url, language,
                byline, publishedAt, firstCreatedAt, versionCreatedAt, embargoedUntil, subjects, people,
                organizations, places, located, dateline, urgency, pubstatus, newIngestedAt);
    }

    /** The same story credited to another source. */
    public RawArticle withSource(String newSource) {
        return new RawArticle(id, newSource, guid, version, contentType, title, body, bodyHtml, url, language,
                byline, publishedAt, firstCreatedAt, versionCreatedAt, embargoedUntil, subjects, people,
                organizations, places, located, dateline, urgency, pubstatus, ingestedAt);
    }

    /** True when the feed withdrew the story (a wire "kill"). */
    public boolean withdrawn() {
        return pubstatus == PubStatus.CANCELED;
    }
}
