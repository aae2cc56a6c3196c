package dev.newsflow.enrich.topics;

import java.util.List;

/**
 * The {@code topics} of an article: the top-level topics its feed's subject codes name when they
 * name any (the feed's editors know best), else what the classifier finds in the text. The
 * classifier reads English only; a story in another language without usable subjects gets none.
 */
public final class TopicTagger {

    private final TopicClassifier classifier;

    TopicTagger(TopicClassifier classifier) {
        this.classifier = classifier;
    }

    /** Loads the topic model's sentence encoder now; otherwise the first English story pays for it. */
    public static void loadModel() {
        TopicClassifier.loadEncoder();
    }

    /** The tagger with the shipped English model (the encoder loads on first use, once per process). */
    public static TopicTagger english() {
        return new TopicTagger(TopicClassifier.english());
    }

    /** Up to {@value TopicClassifier#MAX_TOPICS} topic ids, the most likely first. */
    public List<String> topics(List<String> subjects, String title, String body, String language) {
        List<NewsTopic> topics = SubjectCodes.topics(subjects);
        if (topics.isEmpty() && (language == null || language.equals("en"))) {
            topics = classifier.classify(title, body);
        }
        return topics.stream().limit(TopicClassifier.MAX_TOPICS).map(NewsTopic::id).toList();
    }
}
