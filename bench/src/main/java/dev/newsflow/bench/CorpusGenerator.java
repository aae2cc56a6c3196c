package dev.newsflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates wire-like English stories: 300 to 1,500 words in paragraphs, people, places and
 * organisations recurring across stories (so the tagger, the entity resolver and the facets have
 * real work), a share of near-duplicates (the same story lightly rewritten by another desk) and of
 * updates (the same guid, a higher version, a paragraph added). Everything comes from one
 * {@link Random}, so the same seed gives the same corpus on every machine and run.
 */
public final class CorpusGenerator {

    /** About one story in twelve is a near-duplicate, one in twenty an update, as on a busy wire. */
    static final double NEAR_DUPLICATE_SHARE = 0.08;
    static final double UPDATE_SHARE = 0.05;
    /**
     * One story in four carries its feed's subject; the rest leave the topic to the enricher's model, as
     * pages and most small feeds do, so the bench times the model on most stories.
     */
    static final double WITH_SUBJECT_SHARE = 0.25;
    static final int MIN_WORDS = 300;
    static final int MAX_WORDS = 1500;
    private static final Instant START = Instant.parse("2025-03-01T06:00:00Z");

    private final long seed;
    private final Random random;
    private final Vocabulary words = new Vocabulary();

    public CorpusGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** {@code count} articles; the first is always an original, so duplicates and updates have one to follow. */
    public Corpus generate(int count) {
        List<CorpusArticle> articles = new ArrayList<>(count);
        List<CorpusArticle> originals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double draw = random.nextDouble();
            CorpusArticle article;
            if (!originals.isEmpty() && draw < NEAR_DUPLICATE_SHARE) {
                article = nearDuplicate(pick(originals), i);
            } else if (!originals.isEmpty() && draw < NEAR_DUPLICATE_SHARE + UPDATE_SHARE) {
                article = update(pick(originals));
            } else {
                article = original(i);
                originals.add(article);
            }
            articles.add(article);
        }
        return new Corpus(seed, articles);
    }

    private CorpusArticle original(int i) {
        int targetWords = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS - 120);
        String person = pick(Vocabulary.PEOPLE);
        String place = pick(Vocabulary.PLACES);
        String organization = pick(Vocabulary.ORGANIZATIONS);
        List<String> subjects = random.nextDouble() < WITH_SUBJECT_SHARE ? List.of(pick(Vocabulary.SUBJECTS)) : List.of();
        StringBuilder body = new StringBuilder();
        body.append(place.toUpperCase(java.util.Locale.ROOT)).append(" (Newsflow) - ");
        while (wordCount(body) < targetWords) {
            body.append(paragraph(person, place, organization)).append("\n\n");
        }
        String title = words.headline(random, person, place, organization);
        return new CorpusArticle("story-" + i, 1, title, body.toString().strip(), "en",
                "By " + pick(Vocabulary.REPORTERS), START.plus(Duration.ofMinutes(7L * i)), subjects,
                CorpusArticle.Kind.ORIGINAL);
    }

    /** Another desk's take: most paragraphs kept, one replaced, a new headline, its own guid. */
    private CorpusArticle nearDuplicate(CorpusArticle of, int i) {
        String[] paragraphs = of.body().split("\n\n");
        int replaced = 1 + random.nextInt(Math.max(1, paragraphs.length - 1));
        if (replaced < paragraphs.length) {
            paragraphs[replaced] = paragraph(pick(Vocabulary.PEOPLE), pick(Vocabulary.PLACES),
                    pick(Vocabulary.ORGANIZATIONS));
        }
        return new CorpusArticle("desk-" + i, 1, "UPDATED: " + of.title(), String.join("\n\n", paragraphs), "en",
                "By " + pick(Vocabulary.REPORTERS), of.publishedAt().plusSeconds(600), of.subjects(),
                CorpusArticle.Kind.NEAR_DUPLICATE);
    }

    /** The same story, one version on, with a paragraph of new developments at the end. */
    private CorpusArticle update(CorpusArticle of) {
        String body = of.body() + "\n\n" + paragraph(pick(Vocabulary.PEOPLE), pick(Vocabulary.PLACES),
                pick(Vocabulary.ORGANIZATIONS));
        return new CorpusArticle(of.guid(), of.version() + 1, of.title(), body, "en", of.byline(),
                of.publishedAt(), of.subjects(), CorpusArticle.Kind.UPDATE);
    }

    /** Four sentences; the story's own names come back often, others now and then, as in real copy. */
    private String paragraph(String person, String place, String organization) {
        StringBuilder paragraph = new StringBuilder();
        for (int s = 0; s < 4; s++) {
            String who = random.nextInt(3) == 0 ? pick(Vocabulary.PEOPLE) : person;
            String where = random.nextInt(3) == 0 ? pick(Vocabulary.PLACES) : place;
            String what = random.nextInt(3) == 0 ? pick(Vocabulary.ORGANIZATIONS) : organization;
            paragraph.append(words.sentence(random, who, where, what)).append(s < 3 ? " " : "");
        }
        return paragraph.toString();
    }

    /** Words as a reader counts them: runs of non-space characters. */
    static int wordCount(CharSequence text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
