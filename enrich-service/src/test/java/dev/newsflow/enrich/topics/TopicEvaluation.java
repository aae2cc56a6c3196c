package dev.newsflow.enrich.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures {@link TopicClassifier} on a labelled set: accuracy of the first topic, how often the
 * labelled topic is among the three, and precision and recall per topic. A test-scope tool:
 *
 * <pre>./mvnw -q -pl enrich-service test-compile exec:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=dev.newsflow.enrich.topics.TopicEvaluation \
 *     [-Dexec.args="topics-test.tsv --errors"]</pre>
 *
 * {@code --errors} lists each story whose first topic is wrong.
 *
 * A labelled set is a resource next to this class with one story a line:
 * {@code topic-id<TAB>text}, where topic-id is one of {@link NewsTopic}'s ids or {@code none}.
 */
public final class TopicEvaluation {

    static final String NONE = "none";

    private TopicEvaluation() {
    }

    /** A story and the topic a person gave it ({@link #NONE} when it fits none). */
    record Example(String label, String text) {
    }

    /** The figures for one labelled set; {@code predictions} are in the order of {@code examples}. */
    record Result(List<Example> examples, List<List<String>> predictions) {

        int size() {
            return examples.size();
        }

        /** The first topic is the labelled one; for a story labelled none, no topic at all. */
        boolean firstCorrect(int i) {
            List<String> predicted = predictions.get(i);
            String label = examples.get(i).label();
            return label.equals(NONE) ? predicted.isEmpty() : !predicted.isEmpty() && predicted.getFirst().equals(label);
        }

        double accuracy() {
            int correct = 0;
            for (int i = 0; i < size(); i++) {
                correct += firstCorrect(i) ? 1 : 0;
            }
            return (double) correct / size();
        }

        /** The labelled topic is one of the (up to three) given; for none, none given. */
        double amongTopics() {
            int correct = 0;
            for (int i = 0; i < size(); i++) {
                String label = examples.get(i).label();
                List<String> predicted = predictions.get(i);
                correct += (label.equals(NONE) ? predicted.isEmpty() : predicted.contains(label)) ? 1 : 0;
            }
            return (double) correct / size();
        }

        /** Precision of the first topic for one label: of the stories given it first, how many carry it. */
        double precision(String label) {
            int given = 0;
            int right = 0;
            for (int i = 0; i < size(); i++) {
                if (first(i).equals(label)) {
                    given++;
                    right += examples.get(i).label().equals(label) ? 1 : 0;
                }
            }
            return given == 0 ? Double.NaN : (double) right / given;
        }

        /** Recall of the first topic for one label: of the stories that carry it, how many get it first. */
        double recall(String label) {
            int carry = 0;
            int found = 0;
            for (int i = 0; i < size(); i++) {
                if (examples.get(i).label().equals(label)) {
                    carry++;
                    found += first(i).equals(label) ? 1 : 0;
                }
            }
            return carry == 0 ? Double.NaN : (double) found / carry;
        }

        private String first(int i) {
            List<String> predicted = predictions.get(i);
            return predicted.isEmpty() ? NONE : predicted.getFirst();
        }
    }

    static Result evaluate(TopicClassifier classifier, List<Example> examples) {
        List<List<String>> predictions = new ArrayList<>();
        for (Example example : examples) {
            predictions.add(classifier.classify(null, example.text()).stream().map(NewsTopic::id).toList());
        }
        return new Result(examples, predictions);
    }

    static List<Example> read(String resource) {
        try (InputStream in = TopicEvaluation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no labelled set " + resource + " next to " + TopicEvaluation.class.getName());
            }
            List<Example> examples = new ArrayList<>();
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length != 2 || !(parts[0].equals(NONE) || NewsTopic.ofId(parts[0]) != null)) {
                    throw new IllegalArgumentException(resource + ": not \"topic<TAB>text\": " + line);
                }
                examples.add(new Example(parts[0], parts[1].strip()));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void report(String name, Result result, boolean errors, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %d stories, first topic right %.1f%%, labelled topic among those given %.1f%%%n",
                name, result.size(), 100 * result.accuracy(), 100 * result.amongTopics());
        out.printf(Locale.ROOT, "%-28s %9s %9s %6s%n", "topic", "precision", "recall", "n");
        Map<String, Integer> perLabel = new LinkedHashMap<>();
        for (NewsTopic topic : NewsTopic.values()) {
            perLabel.put(topic.id(), 0);
        }
        perLabel.put(NONE, 0);
        result.examples().forEach(e -> perLabel.merge(e.label(), 1, Integer::sum));
        perLabel.forEach((label, n) -> out.printf(Locale.ROOT, "%-28s %9s %9s %6d%n",
                label, percent(result.precision(label)), percent(result.recall(label)), n));
        if (errors) {
            for (int i = 0; i < result.size(); i++) {
                if (!result.firstCorrect(i)) {
                    Example e = result.examples().get(i);
                    out.printf("labelled %s, given %s: %s%n", e.label(), result.predictions().get(i), e.text());
                }
            }
        }
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * value);
    }

    public static void main(String[] args) {
        TopicClassifier classifier = TopicClassifier.english();
        boolean errors = List.of(args).contains("--errors");
        List<String> sets = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        for (String set : sets.isEmpty() ? List.of("topics-test.tsv") : sets) {
            report(set, evaluate(classifier, read(set)), errors, System.out);
            System.out.println();
        }
    }
}
