package dev.newsflow.enrich.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import opennlp.tools.langdetect.LanguageDetector;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects the language of a text with OpenNLP's language detector and the {@code langdetect-183.bin}
 * model (103 languages) shipped in {@code opennlp-models-langdetect}. The model is 10 MB and takes
 * about half a second to load, so one instance is shared by the whole process.
 */
public final class LanguageIdentifier {

    private static final Logger log = LoggerFactory.getLogger(LanguageIdentifier.class);
    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Below this many letters the detector's answer is close to a guess. */
    static final int MIN_LETTERS = 20;
    /** The detector needs no more than a few paragraphs; longer texts only cost time. */
    private static final int MAX_CHARS = 3000;

    /** The model is immutable and shared; OpenNLP does not promise its detectors are thread-safe, so one per thread. */
    private final ThreadLocal<LanguageDetector> detectors;

    LanguageIdentifier(LanguageDetectorModel model) {
        this.detectors = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    /** The process-wide instance; loads the model on first use. */
    public static LanguageIdentifier shared() {
        return Holder.INSTANCE;
    }

    /**
     * The ISO 639-1 code of the text's language (ISO 639-3 when there is no two-letter code),
     * or empty when the text is too short to tell.
     */
    public Optional<String> detect(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Optional.empty();
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        return Optional.ofNullable(LanguageCodes.normalize(detectors.get().predictLanguage(sample).getLang()));
    }

    /** Lazy holder: the model loads when first needed, once, and class loading makes that thread-safe. */
    private static final class Holder {
        private static final LanguageIdentifier INSTANCE = load();

        private static LanguageIdentifier load() {
            long started = System.nanoTime();
            try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("language model " + MODEL_RESOURCE
                            + " is not on the class path; is opennlp-models-langdetect a dependency?");
                }
                LanguageDetectorModel model = new LanguageDetectorModel(in);
                log.info("loaded language model {} in {} ms", MODEL_RESOURCE, (System.nanoTime() - started) / 1_000_000);
                return new LanguageIdentifier(model);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read language model " + MODEL_RESOURCE, e);
            }
        }
    }
}
