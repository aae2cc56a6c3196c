package dev.newsflow.enrich.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Says which of the 17 top-level topics an English story is about: the headline and the start of
 * the story go through a sentence encoder ({@link SentenceEncoder}), and a softmax trained on
 * hand-written labelled news items ({@link TopicModel}, {@code topic-examples.tsv}) reads the
 * vector. Replaces a hand-written word list, which left a short item without a telling word
 * topic-less; the encoder knows that "striker", "Bundesliga" and "hat-trick" are all football.
 *
 * <p>Only the first {@value #MAX_TOKENS} word pieces are read: a story's headline and lead say
 * what it is about, and they bound the cost (about 5 ms on one core) whatever the story's length.
 * The most likely topic always comes first; a second and third follow when their probability
 * reaches {@value #MIN_PROBABILITY} and {@value #MIN_SHARE_OF_BEST} of the first's. A story gets
 * none only when it has no words or the model gives {@link TopicModel#NONE} (notices, boilerplate)
 * at least {@value #MIN_NONE_PROBABILITY}: a news item nearly always has a topic, even a doubtful one.
 */
final class TopicClassifier {

    static final int MAX_TOPICS = 3;
    static final int MAX_TOKENS = 64;
    static final double MIN_PROBABILITY = 0.15;
    static final double MIN_SHARE_OF_BEST = 0.35;
    static final double MIN_NONE_PROBABILITY = 0.5;
    static final String MODEL = "topic-model.tsv";
    /** Far more characters than {@value #MAX_TOKENS} pieces need, so the cut never shortens the input. */
    private static final int MAX_LEAD_CHARS = 4_000;

    private final Function<String, float[]> encoder;
    private final TopicModel model;

    TopicClassifier(Function<String, float[]> encoder, TopicModel model) {
        this.encoder = encoder;
        this.model = model;
    }

    /** The classifier with the shipped model, its encoder loaded on first use. */
    static TopicClassifier english() {
        return new TopicClassifier(text -> SharedEncoder.INSTANCE.encode(text), TopicModel.load(MODEL));
    }

    /** Up to {@value #MAX_TOPICS} topics, the most likely first; empty when the story fits none. */
    List<NewsTopic> classify(String title, String body) {
        String text = input(title, body);
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return List.of();
        }
        double[] p = model.probabilities(encoder.apply(text));
        int none = model.labels().indexOf(TopicModel.NONE);
        if (none >= 0 && p[none] >= MIN_NONE_PROBABILITY) {
            return List.of();
        }
        List<Integer> topics = IntStream.range(0, p.length).boxed()
                .filter(c -> c != none)
                .sorted(Comparator.comparingDouble((Integer c) -> -p[c]))
                .toList();
        double best = p[topics.getFirst()];
        List<NewsTopic> kept = new ArrayList<>();
        for (int c : topics) {
            boolean first = kept.isEmpty();
            if (kept.size() == MAX_TOPICS || !first && (p[c] < MIN_PROBABILITY || p[c] < MIN_SHARE_OF_BEST * best)) {
                break;
            }
            kept.add(NewsTopic.ofId(model.labels().get(c)));
        }
        return kept;
    }

    /**
     * What the encoder reads: the headline, then the start of the body (the encoder stops after
     * {@value #MAX_TOKENS} pieces, so only a prefix is worth passing). Training builds its inputs
     * the same way.
     */
    static String input(String title, String body) {
        String head = title == null ? "" : start(title);
        String lead = body == null ? "" : start(body);
        if (head.isEmpty()) {
            return lead;
        }
        boolean closed = ".!?:".indexOf(head.charAt(head.length() - 1)) >= 0;
        return head + (closed ? " " : ". ") + lead;
    }

    /** The first {@value #MAX_LEAD_CHARS} characters from the first that is not white space. */
    private static String start(String text) {
        int from = 0;
        while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return text.substring(from, Math.min(text.length(), from + MAX_LEAD_CHARS)).strip();
    }

    /** One encoder per process, loaded when the first English story without feed topics arrives. */
    /** Loads the process's sentence encoder now, if it is not loaded yet. */
    static void loadEncoder() {
        Objects.requireNonNull(SharedEncoder.INSTANCE);
    }

    private static final class SharedEncoder {
        static final SentenceEncoder INSTANCE = SentenceEncoder.load(MAX_TOKENS);
    }
}
