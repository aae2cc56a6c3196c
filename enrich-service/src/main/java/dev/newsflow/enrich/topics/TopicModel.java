package dev.newsflow.enrich.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A softmax (multinomial logistic regression) over sentence vectors: one weight row and bias per
 * class. The classes are topic ids and {@link #NONE}, the class of text that is not news (notices,
 * boilerplate), which lets the model say "nothing fits" instead of forcing a topic.
 *
 * <p>Stored as text, one class a line: {@code id<TAB>bias<TAB>w1 … wn}, lines starting with
 * {@code #} are comments. {@code TopicTrainer} (test scope) writes it from the labelled examples.
 */
record TopicModel(List<String> labels, float[][] weights, float[] bias) {

    /** The class of text that fits no topic. */
    public static final String NONE = "none";

    /** The probability of each class, in the order of {@link #labels}. */
    public double[] probabilities(float[] vector) {
        double[] scores = new double[labels.size()];
        for (int c = 0; c < scores.length; c++) {
            double s = bias[c];
            float[] w = weights[c];
            for (int i = 0; i < w.length; i++) {
                s += w[i] * vector[i];
            }
            scores[c] = s;
        }
        softmax(scores);
        return scores;
    }

    /** Turns scores into probabilities in place (the largest subtracted first, so exp cannot overflow). */
    static void softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            scores[c] = Math.exp(scores[c] - max);
            sum += scores[c];
        }
        for (int c = 0; c < scores.length; c++) {
            scores[c] /= sum;
        }
    }

    /** Reads a model from the class path. */
    static TopicModel load(String resource) {
        try (InputStream in = TopicModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("topic model " + resource + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read topic model " + resource, e);
        }
    }

    static TopicModel parse(List<String> lines, String source) {
        List<String> labels = new ArrayList<>();
        List<float[]> weights = new ArrayList<>();
        List<Float> bias = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 3) {
                throw new IllegalArgumentException(source + ":" + number + ": expected id, bias and weights");
            }
            String[] values = parts[2].trim().split(" ");
            float[] row = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                row[i] = Float.parseFloat(values[i]);
            }
            if (!weights.isEmpty() && row.length != weights.getFirst().length) {
                throw new IllegalArgumentException(source + ":" + number + ": " + row.length + " weights, expected "
                        + weights.getFirst().length);
            }
            labels.add(parts[0]);
            bias.add(Float.parseFloat(parts[1]));
            weights.add(row);
        }
        float[] b = new float[bias.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = bias.get(i);
        }
        return new TopicModel(List.copyOf(labels), weights.toArray(float[][]::new), b);
    }

    /** Writes the model in the form {@link #parse} reads, after the given comment lines. */
    void write(List<String> comments, Writer out) throws IOException {
        for (String comment : comments) {
            out.write("# " + comment + "\n");
        }
        for (int c = 0; c < labels.size(); c++) {
            StringBuilder line = new StringBuilder(labels.get(c)).append('\t')
                    .append(String.format(Locale.ROOT, "%.5g", bias[c])).append('\t');
            for (int i = 0; i < weights[c].length; i++) {
                line.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.5g", weights[c][i]));
            }
            out.write(line.append('\n').toString());
        }
    }
}
