package dev.newsflow.enrich;

import dev.newsflow.core.Dateline;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.dateline.DatelineFinder;
import dev.newsflow.enrich.entities.Entities;
import dev.newsflow.enrich.entities.EntityExtractor;
import dev.newsflow.enrich.keywords.KeywordExtractor;
import dev.newsflow.enrich.language.LanguageCodes;
import dev.newsflow.enrich.language.LanguageIdentifier;
import dev.newsflow.enrich.text.CleanText;
import dev.newsflow.enrich.text.TextCleaner;
import dev.newsflow.enrich.text.Words;
import dev.newsflow.enrich.topics.TopicTagger;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a raw article into an enriched one: clean text and headline, dateline, language, tags,
 * keywords, word count, publication date. Pure apart from the clock it is given: the same article
 * and instant give the same result. Thread-safe, so one instance serves every stream thread.
 *
 * <p>Near-duplicates are marked later, in the topology, where every article's fingerprint meets
 * the others'.
 */
public final class Enricher {

    private static final int FALLBACK_TITLE_MAX_CHARS = 120;

    private final Clock clock;
    private final LanguageIdentifier languages;
    private final TextCleaner cleaner = new TextCleaner();
    private final DatelineFinder datelines = new DatelineFinder();
    private final KeywordExtractor keywords = new KeywordExtractor();
    private final EntityExtractor entities = EntityExtractor.standard();
    private final TopicTagger topics = TopicTagger.english();
    private final StepTimer steps;

    public Enricher(Clock clock, LanguageIdentifier languages) {
        this(clock, languages, StepTimer.none());
    }

    Enricher(Clock clock, LanguageIdentifier languages, StepTimer steps) {
        this.clock = clock;
        this.languages = languages;
        this.steps = steps;
    }

    /** An enricher with the process-wide language model and the system clock in UTC. */
    public static Enricher standard() {
        return new Enricher(Clock.systemUTC(), LanguageIdentifier.shared());
    }

    /** The service's enricher: like {@link #standard()}, timing each step into the registry. */
    public static Enricher timed(MeterRegistry registry) {
        return new Enricher(Clock.systemUTC(), LanguageIdentifier.shared(), StepTimer.recordingTo(registry));
    }

    /**
     * The enriched article.
     *
     * @throws EnrichmentException when the article has no id or no text at all
     */
    public EnrichedArticle enrich(RawArticle raw) {
        if (raw.id() == null || raw.id().isBlank()) {
            throw new EnrichmentException("article has no id");
        }
        CleanText text = steps.time("clean", () -> cleaner.clean(raw));
        if (text.body().isBlank()) {
            throw new EnrichmentException("article " + raw.id() + " has no text in body or body_html");
        }
        String title = text.title() != null ? text.title() : fallbackTitle(text.body());
        String language = steps.time("language", () -> language(raw, title, text));
        // The fallback title repeats the body's opening, so only a title of the article's own is tagged.
        Entities found = steps.time("entities", () -> entities.extract(raw, text.title(), text.body(), language));
        List<String> topicIds = steps.time("topics", () -> topics.topics(raw.subjects(), title, text.body(), language));
        // A fallback title repeats the body's opening; counting it would double those words.
        List<String> phrases = steps.time("keywords", () -> keywords.extract(text.title(), text.body(), language));
        return EnrichedArticle.builder()
                .id(raw.id()).source(raw.source()).guid(raw.guid()).version(raw.version()).url(raw.url())
                .title(title).body(text.body())
                .byline(firstNonBlank(raw.byline(), text.byline()))
                .language(language)
                .dateline(steps.time("dateline", () -> dateline(raw, text.body())))
                .publishedAt(publishedAt(raw, text))
                .ingestedAt(raw.ingestedAt())
                .enrichedAt(clock.instant())
                .people(found.people())
                .organizations(found.organizations())
                .places(found.places())
                .topics(topicIds)
                .keywords(phrases)
                .subjects(distinct(raw.subjects()))
                .wordCount(Words.count(text.body()))
                .pubstatus(raw.pubstatus() == null ? PubStatus.USABLE : raw.pubstatus())
                .urgency(raw.urgency())
                .embargoedUntil(raw.embargoedUntil())
                .build();
    }

    /** The feed's language wins; else the detector's, when there is enough text to tell; else the page's own. */
    private String language(RawArticle raw, String title, CleanText text) {
        String feed = LanguageCodes.normalize(raw.language());
        if (feed != null) {
            return feed;
        }
        return languages.detect(title + "\n" + text.body()).orElseGet(() -> LanguageCodes.normalize(text.language()));
    }

    private Dateline dateline(RawArticle raw, String body) {
        Optional<Dateline> fromFeed = datelines.fromFeed(raw.dateline(), raw.located());
        return fromFeed.or(() -> datelines.find(body)).orElse(null);
    }

    /** The feed's dates first (published, then versioned, then created), then the page's own. */
    private Instant publishedAt(RawArticle raw, CleanText text) {
        if (raw.publishedAt() != null) {
            return raw.publishedAt();
        }
        if (raw.versionCreatedAt() != null) {
            return raw.versionCreatedAt();
        }
        if (raw.firstCreatedAt() != null) {
            return raw.firstCreatedAt();
        }
        // A date in the story itself is as likely the date of an event as of publication, so only the
        // page's own (meta data, a date banner above the story) is taken.
        return text.publishedAt();
    }

    /** Feed tags with blanks and repeats (ignoring case and spacing) removed, first spelling kept. */
    static List<String> distinct(List<String> values) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String clean = value.strip().replaceAll("\\s+", " ");
            if (seen.add(clean.toLowerCase(Locale.ROOT))) {
                out.add(clean);
            }
        }
        return out;
    }

    private static String fallbackTitle(String body) {
        String firstParagraph = body.split("\n", 2)[0].strip();
        if (firstParagraph.length() <= FALLBACK_TITLE_MAX_CHARS) {
            return firstParagraph;
        }
        int cut = firstParagraph.lastIndexOf(' ', FALLBACK_TITLE_MAX_CHARS);
        return firstParagraph.substring(0, cut > 0 ? cut : FALLBACK_TITLE_MAX_CHARS) + "…";
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : blankToNull(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
