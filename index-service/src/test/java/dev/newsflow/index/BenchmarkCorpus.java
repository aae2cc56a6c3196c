package dev.newsflow.index;

import dev.newsflow.core.ArticleId;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.PubStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated enriched articles of about 4 KB of JSON each, for {@link IndexBenchmark}: a fixed seed,
 * a Zipf-like vocabulary (so full-text queries hit a realistic share of documents), and entity,
 * topic, language and source values with skewed frequencies like a wire feed's.
 */
final class BenchmarkCorpus {

    static final List<String> TOPICS = List.of("politics", "economy", "business", "science", "technology", "health",
            "sport", "culture", "environment", "crime", "education", "world");
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final int BODY_WORDS = 560;
    private static final List<String> SOURCES = List.of("wire-a", "wire-b", "wire-c", "wire-d", "wire-e",
            "wire-f", "wire-g", "wire-h");
    private static final List<String> LANGUAGES = List.of("en", "en", "en", "en", "en", "de", "de", "fr", "es", "it");

    private final Random random;
    private final List<String> vocabulary = new ArrayList<>();
    private final List<String> people = new ArrayList<>();
    private final List<String> organizations = new ArrayList<>();
    private final List<String> places = new ArrayList<>();

    BenchmarkCorpus(long seed) {
        random = new Random(seed);
        for (int i = 0; i < 5000; i++) {
            vocabulary.add(word(3 + random.nextInt(7)));
        }
        for (int i = 0; i < 300; i++) {
            people.add(capitalized(word(5)) + " " + capitalized(word(7)));
        }
        for (int i = 0; i < 150; i++) {
            organizations.add(capitalized(word(4)).toUpperCase(java.util.Locale.ROOT));
        }
        for (int i = 0; i < 200; i++) {
            places.add(capitalized(word(6)));
        }
    }

    /** A word of the vocabulary; low ranks are far more frequent (roughly Zipf). */
    String term() {
        return vocabulary.get(zipf(vocabulary.size()));
    }

    /** Articles number {@code from} to {@code from + count - 1} of a run; ids depend on the run and the number. */
    List<EnrichedArticle> articles(String run, int from, int count) {
        List<EnrichedArticle> articles = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            articles.add(article(run, i));
        }
        return articles;
    }

    private EnrichedArticle article(String run, int i) {
        String source = SOURCES.get(zipf(SOURCES.size()));
        String guid = run + "-" + i;
        Instant published = START.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
        StringBuilder body = new StringBuilder(BODY_WORDS * 7);
        for (int w = 0; w < BODY_WORDS; w++) {
            body.append(term()).append(w % 17 == 16 ? ". " : " ");
        }
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 8; w++) {
            title.append(w == 0 ? capitalized(term()) : term()).append(w < 7 ? " " : "");
        }
        // Keep the setters in this order: their arguments draw from the seeded random, and another order
        // would make another corpus.
        return EnrichedArticle.builder()
                .id(ArticleId.of(source, guid)).source(source).guid(guid).version(1).url("https://example.org/" + guid)
                .title(title.toString()).body(body.toString()).byline("By " + pick(people))
                .language(LANGUAGES.get(random.nextInt(LANGUAGES.size())))
                .publishedAt(published).ingestedAt(published.plusSeconds(30)).enrichedAt(published.plusSeconds(31))
                .people(some(people, 3)).organizations(some(organizations, 2)).places(some(places, 2))
                .topics(List.of(TOPICS.get(zipf(TOPICS.size())))).keywords(List.of(term(), term(), term()))
                .wordCount(BODY_WORDS).pubstatus(PubStatus.USABLE).urgency(1 + random.nextInt(8))
                .build();
    }

    private List<String> some(List<String> values, int max) {
        int n = random.nextInt(max + 1);
        List<String> picked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String value = values.get(zipf(values.size()));
            if (!picked.contains(value)) {
                picked.add(value);
            }
        }
        return picked;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Rank in [0, n) with probability falling off like 1/rank (inverse of a log-uniform draw). */
    private int zipf(int n) {
        return Math.min(n - 1, (int) Math.floor(Math.exp(random.nextDouble() * Math.log(n + 1)) - 1));
    }

    private String word(int length) {
        StringBuilder w = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
