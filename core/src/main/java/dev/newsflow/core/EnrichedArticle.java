package dev.newsflow.core;

import java.time.Instant;
import java.util.List;

/**
 * A cleaned and tagged story, on {@code news.articles.enriched} and in the search index
 * (DESIGN.md, EnrichedArticle). Entity names are canonical within the article.
 *
 * <p>{@code embargoedUntil}: the feed's embargo; until then the story is stored but no reader sees it.
 */
public record EnrichedArticle(
        String id,
        String source,
        String guid,
        long version,
        String url,
        String title,
        String body,
        String byline,
        String language,
        Dateline dateline,
        Instant publishedAt,
        Instant ingestedAt,
        Instant enrichedAt,
        Instant indexedAt,
        List<String> people,
        List<String> organizations,
        List<String> places,
        List<String> topics,
        List<String> keywords,
        List<String> subjects,
        int wordCount,
        String duplicateOf,
        PubStatus pubstatus,
        Integer urgency,
        Instant embargoedUntil) {

    public EnrichedArticle {
        people = people == null ? List.of() : List.copyOf(people);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        places = places == null ? List.of() : List.copyOf(places);
        topics = topics == null ? List.of() : List.copyOf(topics);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /** The same article stamped with the time the index accepted it. */
    public EnrichedArticle withIndexedAt(Instant when) {
        return toBuilder().indexedAt(when).build();
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
     * Builds an {@link EnrichedArticle} by naming its fields, so that a new field is added here and in the
     * record alone, not at every place that makes one. Unset fields are null, zero or an empty list.
     */
    public static final class Builder {

        private String id;
        private String source;
        private String guid;
        private long version;
        private String url;
        private String title;
        private String body;
        private String byline;
        private String language;
        private Dateline dateline;
        private Instant publishedAt;
        private Instant ingestedAt;
        private Instant enrichedAt;
        private Instant indexedAt;
        private Instant embargoedUntil;
        private List<String> people;
        private List<String> organizations;
        private List<String> places;
        private List<String> topics;
        private List<String> keywords;
        private List<String> subjects;
        private int wordCount;
        private String duplicateOf;
        private PubStatus pubstatus;
        private Integer urgency;

        private Builder() {
        }

        private Builder(EnrichedArticle article) {
            id = article.id;
            source = article.source;
            guid = article.guid;
            version = article.version;
            url = article.url;
            title = article.title;
            body = article.body;
            byline = article.byline;
            language = article.language;
            dateline = article.dateline;
            publishedAt = article.publishedAt;
            ingestedAt = article.ingestedAt;
            enrichedAt = article.enrichedAt;
            indexedAt = article.indexedAt;
            embargoedUntil = article.embargoedUntil;
            people = article.people;
            organizations = article.organizations;
            places = article.places;
            topics = article.topics;
            keywords = article.keywords;
            subjects = article.subjects;
            wordCount = article.wordCount;
            duplicateOf = article.duplicateOf;
            pubstatus = article.pubstatus;
            urgency = article.urgency;
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

        public Builder url(String url) {
            this.url = url;
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

        public Builder byline(String byline) {
            this.byline = byline;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder dateline(Dateline dateline) {
            this.dateline = dateline;
            return this;
        }

        public Builder publishedAt(Instant publishedAt) {
            this.publishedAt = publishedAt;
            return this;
        }

        public Builder ingestedAt(Instant ingestedAt) {
            this.ingestedAt = ingestedAt;
            return this;
        }

        public Builder enrichedAt(Instant enrichedAt) {
            this.enrichedAt = enrichedAt;
            return this;
        }

        public Builder indexedAt(Instant indexedAt) {
            this.indexedAt = indexedAt;
            return this;
        }

        public Builder embargoedUntil(Instant embargoedUntil) {
            this.embargoedUntil = embargoedUntil;
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

        public Builder topics(List<String> topics) {
            this.topics = topics;
            return this;
        }

        public Builder keywords(List<String> keywords) {
            this.keywords = keywords;
            return this;
        }

        public Builder subjects(List<String> subjects) {
            this.subjects = subjects;
            return this;
        }

        public Builder wordCount(int wordCount) {
            this.wordCount = wordCount;
            return this;
        }

        public Builder duplicateOf(String duplicateOf) {
            this.duplicateOf = duplicateOf;
            return this;
        }

        public Builder pubstatus(PubStatus pubstatus) {
            this.pubstatus = pubstatus;
            return this;
        }

        public Builder urgency(Integer urgency) {
            this.urgency = urgency;
            return this;
        }

        /** The article, through the record's constructor, which copies the lists. */
        public EnrichedArticle build() {
            return new EnrichedArticle(id, source, guid, version, url, title, body, byline, language, dateline,
                    publishedAt, ingestedAt, enrichedAt, indexedAt, people, organizations, places, topics,
                    keywords, subjects, wordCount, duplicateOf, pubstatus, urgency, embargoedUntil);
        }
    }
}
