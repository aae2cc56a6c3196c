package dev.newsflow.enrich;

import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.entities.EntityTagger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Throughput of the entity tagger alone and of the whole {@link Enricher}, on one thread, over
 * generated English stories of about 600 words. A tool, not a test: timings on a shared machine
 * make poor assertions. Run it from the repository root with
 * {@code ./mvnw -q -o -pl enrich-service package -DskipTests} and then
 * {@code java -cp "enrich-service/target/test-classes:enrich-service/target/classes:enrich-service/target/lib/*"
 * dev.newsflow.enrich.EnrichThroughput [ARTICLES_PER_ROUND [ROUNDS]]}.
 */
public final class EnrichThroughput {

    private static final String[] PEOPLE = {"Maria Lindqvist", "Tomasz Nowak", "Aiko Tanaka", "Samuel Okafor",
        "Elena Petrova", "Rafael Mendes", "Priya Raman", "Jonas Weber"};
    private static final String[] ORGANIZATIONS = {"the World Bank", "Northwind Energy", "the European Commission",
        "Harbor Logistics Group", "the International Monetary Fund", "Reuters", "Atlas Shipping Co"};
    private static final String[] PLACES = {"Lisbon", "Nairobi", "Osaka", "Toronto", "Poland", "Brazil", "Kenya",
        "the Baltic Sea", "Geneva"};
    private static final String[] SENTENCES = {
        "%s told reporters in %s on Tuesday that talks with %s would resume next month.",
        "The agreement, which %s described as a turning point, covers ports, rail links and power lines in %s.",
        "Officials at %s said the plan would cost more than 4 billion dollars over the next decade.",
        "Critics in %s argued that the deal favoured large companies, and %s promised a review by the end of the year.",
        "Shares in %s rose 3 percent after the announcement, while bond yields in %s fell slightly.",
        "Speaking after a meeting with %s, %s said both sides had made progress on the most difficult questions.",
        "Analysts expect inflation to ease as energy prices fall, although food costs in %s remain high.",
        "A spokesperson for %s declined to comment on the report, saying only that discussions were continuing."
    };

    private EnrichThroughput() {
    }

    public static void main(String[] args) {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> stories = stories(perRound, new Random(42));
        double words = stories.stream().mapToInt(Words::count).average().orElse(0);
        EntityTagger tagger = EntityTagger.shared();
        Enricher enricher = new Enricher(Clock.systemUTC(), LanguageIdentifier.shared());
        List<RawArticle> articles = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            articles.add(new RawArticle("bench-" + i, "bench", "g" + i, 1, "application/json", "Talks resume on trade",
                    stories.get(i), null, null, "en", null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null));
        }
        System.out.printf("%d articles of %.0f words on average, one thread%n", stories.size(), words);
        for (int round = 0; round <= rounds; round++) {
            // Round 0 warms up the JIT and is not reported.
            long start = System.nanoTime();
            stories.forEach(tagger::tag);
            double taggerRate = stories.size() / seconds(start);
            start = System.nanoTime();
            articles.forEach(enricher::enrich);
            double enricherRate = articles.size() / seconds(start);
            if (round > 0) {
                System.out.printf("round %d: tagger alone %.1f articles/s, whole Enricher %.1f articles/s%n",
                        round, taggerRate, enricherRate);
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Stories of some 600 words in paragraphs of four sentences, names drawn at random. */
    private static List<String> stories(int count, Random random) {
        List<String> stories = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            StringBuilder story = new StringBuilder();
            while (Words.count(story.toString()) < 600) {
                for (int i = 0; i < 4; i++) {
                    String sentence = SENTENCES[random.nextInt(SENTENCES.length)];
                    story.append(String.format(sentence, pick(random), pick(random), pick(random))).append(' ');
                }
                story.append("\n\n");
            }
            stories.add(story.toString().strip());
        }
        return stories;
    }

    private static String pick(Random random) {
        String[][] kinds = {PEOPLE, ORGANIZATIONS, PLACES};
        String[] kind = kinds[random.nextInt(kinds.length)];
        return kind[random.nextInt(kind.length)];
    }
}
