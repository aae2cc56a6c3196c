package dev.newsflow.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Says which of the 17 top-level topics an English story is about, from a hand-written weighted
 * lexicon ({@code topic-lexicon-en.txt}). Chosen over a statistical model because a few hundred
 * labelled stories, which is what we have, train a poor one, and because a lexicon explains itself:
 * {@link #explain} lists the terms behind each score, and a wrong topic is fixed by editing a line.
 *
 * <p>Each term found adds its weight, damped by repetition ({@code 1 + ln n}) so one word said ten
 * times does not outweigh ten different words; a headline counts {@value #TITLE_WEIGHT} times.
 * Where terms overlap, the longest wins ("heart attack" is health, not an attack). A topic is kept
 * when its score reaches {@value #MIN_SCORE}, about two strong terms, and {@value #MIN_SHARE_OF_BEST}
 * of the best score; a story that reaches neither for any topic gets none rather than a guess. A
 * brief of one or two sentences has room for one telling word only, so the bar falls with length
 * to {@value #SHORT_MIN_SCORE}, one strong term, for 30 words and fewer (a point per {@value #WORDS_PER_POINT} words).
 */
final class TopicClassifier {

    static final int MAX_TOPICS = 3;
    static final double MIN_SCORE = 5.0;
    static final double SHORT_MIN_SCORE = 3.0;
    static final int WORDS_PER_POINT = 10;
    static final double MIN_SHARE_OF_BEST = 0.4;
    static final int TITLE_WEIGHT = 2;

    private static final Pattern POSSESSIVE = Pattern.compile("['’]s?$");

    private final TopicLexicon lexicon;

    TopicClassifier(TopicLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The classifier with the English lexicon on the class path. */
    static TopicClassifier english() {
        return new TopicClassifier(TopicLexicon.load("topic-lexicon-en.txt"));
    }

    /** Up to {@value #MAX_TOPICS} topics, the most likely first; empty when the story fits none. */
    List<NewsTopic> classify(String title, String body) {
        Map<NewsTopic, Double> scores = scores(title, body);
        double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double floor = minScore(tokens(title).size() + tokens(body).size());
        return scores.entrySet().stream()
                .filter(e -> e.getValue() >= floor && e.getValue() >= MIN_SHARE_OF_BEST * best)
                .sorted(Map.Entry.<NewsTopic, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TOPICS)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The score a topic needs in a story of this many words. */
    static double minScore(int words) {
        return Math.clamp((double) words / WORDS_PER_POINT, SHORT_MIN_SCORE, MIN_SCORE);
    }

    /** The score of every topic with at least one term in the story. */
    Map<NewsTopic, Double> scores(String title, String body) {
        Map<NewsTopic, Double> scores = new EnumMap<>(NewsTopic.class);
        counts(title, body).forEach((term, count) ->
                scores.merge(term.topic(), term.weight() * (1 + Math.log(count)), Double::sum));
        return scores;
    }

    /** Why: for each topic found, its score and the terms that made it, with how often each was seen. */
    String explain(String title, String body) {
        Map<TopicLexicon.Term, Integer> counts = counts(title, body);
        StringBuilder out = new StringBuilder();
        scores(title, body).entrySet().stream()
                .sorted(Map.Entry.<NewsTopic, Double>comparingByValue().reversed())
                .forEach(e -> {
                    out.append(String.format(Locale.ROOT, "%s %.1f:", e.getKey().id(), e.getValue()));
                    counts.entrySet().stream()
                            .filter(c -> c.getKey().topic() == e.getKey())
                            .sorted(Comparator.comparing((Map.Entry<TopicLexicon.Term, Integer> c) -> -c.getKey().weight()))
                            .forEach(c -> out.append(' ').append(c.getKey().spelled()).append('×').append(c.getValue()));
                    out.append('\n');
                });
        return out.toString();
    }

    /** How often each term occurs, headline occurrences counted {@value #TITLE_WEIGHT} times. */
    private Map<TopicLexicon.Term, Integer> counts(String title, String body) {
        Map<TopicLexicon.Term, Integer> counts = new HashMap<>();
        count(tokens(title), TITLE_WEIGHT, counts);
        count(tokens(body), 1, counts);
        return counts;
    }

    private void count(List<String> tokens, int times, Map<TopicLexicon.Term, Integer> counts) {
        int i = 0;
        while (i < tokens.size()) {
            List<TopicLexicon.Term> longest = new ArrayList<>();
            int length = 0;
            for (TopicLexicon.Term term : lexicon.startingWith(tokens.get(i))) {
                int n = term.words().size();
                if (n >= length && term.matchesAt(tokens, i)) {
                    if (n > length) {
                        longest.clear();
                        length = n;
                    }
                    longest.add(term);
                }
            }
            for (TopicLexicon.Term term : longest) {
                counts.merge(term, times, Integer::sum);
            }
            i += Math.max(length, 1);
        }
    }

    /** The words of the text in lower case, a possessive ending dropped ("Kremlin's" → "kremlin"). */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : Words.of(text)) {
            tokens.add(POSSESSIVE.matcher(word.toLowerCase(Locale.ROOT)).replaceFirst(""));
        }
        return tokens;
    }
}
