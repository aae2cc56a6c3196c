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
        return toBuilder().id(newId).guid(newGuid).version(newVersion).ingestedAt(newIngestedAt).build();
    }

    /** The same story credited to another source. */
    public RawArticle withSource(String newSource) {
        return toBuilder().source(newSource).build();
    }

    /** True when the feed withdrew the story (a wire "kill"). */
    public boolean withdrawn() {
        return pubstatus == PubStatus.CANCELED;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this article's values, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a {@link RawArticle} by naming its fields, so that a new field is added here and in the
     * record alone, not at every place that makes one. Unset fields are null, zero or an empty list.
     */
    public static final class Builder {

        private String id;
        private String source;
        private String guid;
        private long version;
        private String contentType;
        private String title;
        private String body;
        private String bodyHtml;
        private String url;
        private String language;
        private String byline;
        private Instant publishedAt;
        private Instant firstCreatedAt;
        private Instant versionCreatedAt;
        private Instant embargoedUntil;
        private List<String> subjects;
        private List<String> people;
        private List<String> organizations;
        private List<String> places;
        private String located;
        private String dateline;
        private Integer urgency;
        private PubStatus pubstatus;
        private Instant ingestedAt;

        private Builder() {
        }

        private Builder(RawArticle article) {
            id = article.id;
            source = article.source;
            guid = article.guid;
            version = article.version;
            contentType = article.contentType;
            title = article.title;
            body = article.body;
            bodyHtml = article.bodyHtml;
            url = article.url;
            language = article.language;
            byline = article.byline;
            publishedAt = article.publishedAt;
            firstCreatedAt = article.firstCreatedAt;
            versionCreatedAt = article.versionCreatedAt;
            embargoedUntil = article.embargoedUntil;
            subjects = article.subjects;
            people = article.people;
            organizations = article.organizations;
            places = article.places;
            located = article.located;
            dateline = article.dateline;
            urgency = article.urgency;
            pubstatus = article.pubstatus;
            ingestedAt = article.ingestedAt;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder guid(String guid) {
            this.guid = guid;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder bodyHtml(String bodyHtml) {
            this.bodyHtml = bodyHtml;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder byline(String byline) {
            this.byline = byline;
            return this;
        }

        public Builder publishedAt(Instant publishedAt) {
            this.publishedAt = publishedAt;
            return this;
        }

        public Builder firstCreatedAt(Instant firstCreatedAt) {
            this.firstCreatedAt = firstCreatedAt;
            return this;
        }

        public Builder versionCreatedAt(Instant versionCreatedAt) {
            this.versionCreatedAt = versionCreatedAt;
            return this;
        }

        public Builder embargoedUntil(Instant embargoedUntil) {
            this.embargoedUntil = embargoedUntil;
            return this;
        }

        public Builder subjects(List<String> subjects) {
            this.subjects = subjects;
            return this;
        }

        public Builder people(List<String> people) {
            this.people = people;
            return this;
        }

        public Builder organizations(List<String> organizations) {
            this.organizations = organizations;
            return this;
        }

        public Builder places(List<String> places) {
            this.places = places;
            return this;
        }

        public Builder located(String located) {
            this.located = located;
            return this;
        }

        public Builder dateline(String dateline) {
            this.dateline = dateline;
            return this;
        }

        public Builder urgency(Integer urgency) {
            this.urgency = urgency;
            return this;
        }

        public Builder pubstatus(PubStatus pubstatus) {
            this.pubstatus = pubstatus;
            return this;
        }

        public Builder ingestedAt(Instant ingestedAt) {
            this.ingestedAt = ingestedAt;
            return this;
        }

        /** The article, through the record's constructor, which copies the lists. */
        public RawArticle build() {
            return new RawArticle(id, source, guid, version, contentType, title, body, bodyHtml, url, language,
                    byline, publishedAt, firstCreatedAt, versionCreatedAt, embargoedUntil, subjects, people,
                    organizations, places, located, dateline, urgency, pubstatus, ingestedAt);
        }
    }
}
