package dev.newsflow.core;

import java.time.Instant;
import java.util.List;

/**
 * A cleaned and tagged story, on {@code news.articles.enriched} and in the search index
 * (DESIGN.md, EnrichedArticle). Entity names are canonical within the article.
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
        Integer urgency) {

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
        return new EnrichedArticle(id, source, guid, version, url, title, body, byline, language, dateline,
                publishedAt, ingestedAt, enrichedAt, when, people, organizations, places, topics, keywords,
                subjects, wordCount, duplicateOf, pubstatus, urgency);
    }
}
