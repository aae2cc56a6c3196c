package dev.newsflow.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds person, organization, place and other names in English text with Stanford CoreNLP's CRF
 * tagger and its {@code english.conll.4class.distsim} model (trained on CoNLL-2003 news).
 *
 * <p>The 18 MB model takes over a second to load, so one instance serves the whole process. One
 * classifier is safe to share between threads once it stops learning: by default it adds every
 * lower-case word it reads to its set of known words, a set that feeds its word-shape features, so
 * results would depend on what other threads (and earlier articles) read before. Freezing that set
 * ({@code maxAdditionalKnownLCWords=0}, CoreNLP issue 669) leaves classification free of shared
 * mutable state: each call builds its own tokens, features and lattice.
 */
public final class EntityTagger {

    private static final Logger log = LoggerFactory.getLogger(EntityTagger.class);
    static final String MODEL_RESOURCE = "/edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    /**
     * Penn Treebank tokens as CoNLL-2003, the model's training text, has them: "Saudi-born" and
     * "1996-08-30" stay whole (the tokenizer's default splits hyphens, which costs the tagger two
     * points of F1 on CoNLL). The factory keeps no state between texts, so it is shared.
     */
    private static final TokenizerFactory<CoreLabel> TOKENIZER = PTBTokenizer.factory(new CoreLabelTokenFactory(),
            "invertible=true,splitHyphenated=false,untokenizable=noneKeep");

    private final CRFClassifier<CoreLabel> classifier;

    EntityTagger(CRFClassifier<CoreLabel> classifier) {
        this.classifier = classifier;
    }

    /** The process-wide tagger; loads the model on first use. */
    public static EntityTagger shared() {
        return Holder.INSTANCE;
    }

    /**
     * The tagger reads at most this many tokens of a story (the longest features run to some 10,000 words),
     * so a huge body or a run of punctuation, one token per character, costs at most a few seconds.
     */
    static final int MAX_TOKENS = 20_000;
    /** The tokenizer reads at most this many characters, for the same reason. */
    static final int MAX_CHARS = 200_000;

    /**
     * The names in the text, in text order, with their offsets in it. Each paragraph (text between
     * line breaks) is tagged on its own: headlines and datelines end without a full stop, and the
     * tagger would otherwise read them as one sentence with the next line. Only the first
     * {@link #MAX_TOKENS} tokens (and {@link #MAX_CHARS} characters) are read.
     */
    public List<Mention> tag(String text) {
        List<Mention> mentions = new ArrayList<>();
        int end = Math.min(text.length(), MAX_CHARS);
        int budget = MAX_TOKENS;
        int lineStart = 0;
        while (lineStart < end && budget > 0) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > end) {
                lineEnd = end;
            }
            if (lineEnd > lineStart && !text.substring(lineStart, lineEnd).isBlank()) {
                budget -= tagLine(text.substring(lineStart, lineEnd), lineStart, budget, mentions);
            }
            lineStart = lineEnd + 1;
        }
        return mentions;
    }

    /** Tags one line, at most {@code budget} of its tokens; returns how many tokens it read. */
    private int tagLine(String line, int offset, int budget, List<Mention> out) {
        List<CoreLabel> tokens = TOKENIZER.getTokenizer(new StringReader(line)).tokenize();
        if (tokens.size() > budget) {
            tokens = tokens.subList(0, budget);
        }
        if (tokens.isEmpty()) {
            return 0;
        }
        // The line is one sequence: a sentence splitter would cut "7. Vebjoen Rodal" after "7.",
        // and the tagger reads names better with the whole line around them.
        List<CoreLabel> labelled = classifier.classifySentence(tokens);
        EntityType open = null;
        int start = 0;
        int end = 0;
        for (int i = 0; i < tokens.size(); i++) {
            EntityType type = type(labelled.get(i).get(CoreAnnotations.AnswerAnnotation.class));
            if (type != open) {
                if (open != null) {
                    out.add(new Mention(open, line.substring(start, end), offset + start, offset + end));
                }
                open = type;
                start = tokens.get(i).beginPosition();
            }
            end = tokens.get(i).endPosition();
        }
        if (open != null) {
            out.add(new Mention(open, line.substring(start, end), offset + start, offset + end));
        }
        return tokens.size();
    }

    private static EntityType type(String label) {
        return switch (label == null ? "O" : label) {
            case "PERSON" -> EntityType.PERSON;
            case "ORGANIZATION" -> EntityType.ORGANIZATION;
            case "LOCATION" -> EntityType.PLACE;
            case "MISC" -> EntityType.MISC;
            default -> null;
        };
    }

    /** Lazy holder: the model loads when first needed, once, and class loading makes that thread-safe. */
    private static final class Holder {
        private static final EntityTagger INSTANCE = load();

        private static EntityTagger load() {
            long started = System.nanoTime();
            Properties flags = new Properties();
            flags.setProperty("maxAdditionalKnownLCWords", "0");
            try (InputStream raw = EntityTagger.class.getResourceAsStream(MODEL_RESOURCE)) {
                if (raw == null) {
                    throw new IllegalStateException("entity model " + MODEL_RESOURCE
                            + " is not on the class path; the build unpacks it from the CoreNLP models jar");
                }
                CRFClassifier<CoreLabel> classifier = CRFClassifier.getClassifier(
                        new ObjectInputStream(new BufferedInputStream(new GZIPInputStream(raw))), flags);
                log.info("loaded entity model {} in {} ms", MODEL_RESOURCE, (System.nanoTime() - started) / 1_000_000);
                return new EntityTagger(classifier);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read entity model " + MODEL_RESOURCE, e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("entity model " + MODEL_RESOURCE + " needs a class CoreNLP lacks", e);
            }
        }
    }
}
