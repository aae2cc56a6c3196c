package dev.newsflow.enrich.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes the shipped topic model ({@code src/main/resources/.../topics/topic-model.tsv}) from the
 * hand-written labelled items in {@code topic-examples.tsv}, and reports 5-fold cross-validated
 * precision and recall per topic on them. Run from the project root:
 *
 * <pre>./mvnw -q -o -pl enrich-service test-compile exec:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=dev.newsflow.enrich.topics.TopicTrainer \
 *     -Dexec.args="enrich-service/src/main/resources/dev/newsflow/enrich/topics/topic-model.tsv"</pre>
 *
 * Without an argument it only prints the cross-validation. The same examples and code give the
 * same model: the trainer draws nothing at random.
 */
public final class TopicTrainer {

    static final String EXAMPLES = "topic-examples.tsv";
    static final int FOLDS = 5;

    private TopicTrainer() {
    }

    /** A labelled item: its class (a topic id or {@code none}), headline and body. */
    record Example(String label, String title, String body) {
    }

    /** The examples with their vectors, classes numbered in the order of {@link #labels()}. */
    record Encoded(List<Example> examples, List<float[]> vectors, List<Integer> classes) {

        static List<String> labels() {
            List<String> labels = new ArrayList<>(Stream.of(NewsTopic.values()).map(NewsTopic::id).toList());
            labels.add(TopicModel.NONE);
            return labels;
        }

        static Encoded of(List<Example> examples, SentenceEncoder encoder) {
            List<float[]> vectors = new ArrayList<>();
            List<Integer> classes = new ArrayList<>();
            for (Example e : examples) {
                vectors.add(encoder.encode(TopicClassifier.input(e.title(), e.body())));
                int k = labels().indexOf(e.label());
                if (k < 0) {
                    throw new IllegalArgumentException("unknown topic " + e.label() + " for " + e.title());
                }
                classes.add(k);
            }
            return new Encoded(examples, vectors, classes);
        }

        Encoded select(java.util.function.IntPredicate keep) {
            List<Example> e = new ArrayList<>();
            List<float[]> v = new ArrayList<>();
            List<Integer> c = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (keep.test(i)) {
                    e.add(examples.get(i));
                    v.add(vectors.get(i));
                    c.add(classes.get(i));
                }
            }
            return new Encoded(e, v, c);
        }

        TopicModel fit(SoftmaxTrainer trainer) {
            return trainer.fit(labels(), vectors, classes);
        }
    }

    /** Reads {@code label<TAB>headline<TAB>body} lines; {@code #} starts a comment line. */
    static List<Example> read(String resource) {
        try (InputStream in = TopicTrainer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test class path");
            }
            List<Example> examples = new ArrayList<>();
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                if (parts.length != 3) {
                    throw new IllegalArgumentException(resource + ": expected label, headline and body in: " + line);
                }
                examples.add(new Example(parts[0], parts[1], parts[2]));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fold of the i-th example: every {@value #FOLDS}th item of each topic, so each fold has them all. */
    static int[] folds(List<Integer> classes) {
        int[] seen = new int[Encoded.labels().size()];
        int[] folds = new int[classes.size()];
        for (int i = 0; i < folds.length; i++) {
            folds[i] = seen[classes.get(i)]++ % FOLDS;
        }
        return folds;
    }

    /** Predicted classes of every example, each by the model trained on the other folds. */
    static int[] crossValidate(Encoded all, SoftmaxTrainer trainer) {
        int[] folds = folds(all.classes());
        int[] predicted = new int[all.examples().size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            TopicModel model = all.select(i -> folds[i] != f).fit(trainer);
            for (int i = 0; i < predicted.length; i++) {
                if (folds[i] == f) {
                    predicted[i] = argmax(model.probabilities(all.vectors().get(i)));
                }
            }
        }
        return predicted;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Accuracy, then precision, recall and size per class. */
    static void report(List<Integer> truth, int[] predicted, PrintStream out) {
        List<String> labels = Encoded.labels();
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += truth.get(i) == predicted[i] ? 1 : 0;
        }
        out.printf(Locale.ROOT, "cross-validated accuracy %.3f on %d items (%d folds)%n",
                (double) correct / predicted.length, predicted.length, FOLDS);
        out.printf(Locale.ROOT, "%-28s %9s %7s %5s%n", "topic", "precision", "recall", "items");
        for (int k = 0; k < labels.size(); k++) {
            int tp = 0;
            int said = 0;
            int actual = 0;
            for (int i = 0; i < predicted.length; i++) {
                said += predicted[i] == k ? 1 : 0;
                actual += truth.get(i) == k ? 1 : 0;
                tp += predicted[i] == k && truth.get(i) == k ? 1 : 0;
            }
            out.printf(Locale.ROOT, "%-28s %9.2f %7.2f %5d%n", labels.get(k),
                    said == 0 ? 0 : (double) tp / said, actual == 0 ? 0 : (double) tp / actual, actual);
        }
    }

    public static void main(String[] args) throws IOException {
        try (SentenceEncoder encoder = SentenceEncoder.load(TopicClassifier.MAX_TOKENS)) {
            Encoded all = Encoded.of(read(EXAMPLES), encoder);
            report(all.classes(), crossValidate(all, SoftmaxTrainer.DEFAULT), System.out);
            if (args.length > 0) {
                TopicModel model = all.fit(SoftmaxTrainer.DEFAULT);
                Path file = Path.of(args[0]);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    model.write(List.of(
                            "Topic model for TopicClassifier, written by TopicTrainer (test scope) from topic-examples.tsv:",
                            all.examples().size() + " hand-written items; " + SoftmaxTrainer.DEFAULT + ".",
                            "Encoder: all-MiniLM-L6-v2 (quantised ONNX), first " + TopicClassifier.MAX_TOKENS
                                    + " word pieces of headline and lead. Do not edit: retrain."), out);
                }
                System.out.println("wrote " + args[0]);
            }
        }
    }
}
