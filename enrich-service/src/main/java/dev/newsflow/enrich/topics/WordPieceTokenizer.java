package dev.newsflow.enrich.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The uncased BERT tokenizer the sentence encoder was trained with: lower case, accents stripped,
 * punctuation split off, then each word cut greedily into the longest pieces of the vocabulary
 * ({@code "unhappiness"} → {@code un ##happiness}). Reads the vocabulary from the model's
 * {@code tokenizer.json}; written here rather than taken from a library because the libraries
 * that read that file bring a native tokenizer (and 19 MB) for what is a few dozen lines.
 *
 * <p>Only the first {@code maxTokens} pieces are produced, and the text is read only as far as
 * they need, so a 4 MiB page costs no more than its first paragraph.
 */
final class WordPieceTokenizer {

    /** BERT leaves a word of more characters than this whole, as one unknown piece. */
    private static final int MAX_WORD_CHARS = 100;

    private final Map<String, Integer> vocabulary;
    private final int cls;
    private final int sep;
    private final int unknown;

    WordPieceTokenizer(Map<String, Integer> vocabulary) {
        this.vocabulary = Map.copyOf(vocabulary);
        this.cls = id("[CLS]");
        this.sep = id("[SEP]");
        this.unknown = id("[UNK]");
    }

    /** The tokenizer whose vocabulary is in a Hugging Face {@code tokenizer.json} on the class path. */
    static WordPieceTokenizer fromTokenizerJson(String resource) {
        try (InputStream in = WordPieceTokenizer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("tokenizer " + resource + " is missing from the class path");
            }
            JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
            Map<String, Integer> vocabulary = new HashMap<>();
            vocab.properties().forEach(e -> vocabulary.put(e.getKey(), e.getValue().asInt()));
            return new WordPieceTokenizer(vocabulary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + resource, e);
        }
    }

    private int id(String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalStateException("vocabulary has no " + token);
        }
        return id;
    }

    /** [CLS], the pieces of the text (at most {@code maxTokens - 2}), [SEP]. */
    long[] encode(String text, int maxTokens) {
        long[] ids = new long[maxTokens];
        int n = 0;
        ids[n++] = cls;
        int limit = maxTokens - 1;
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length() && n < limit) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isSpace(c) || Character.isISOControl(c) || c == 0xFFFD) {
                n = flush(word, ids, n, limit);
            } else if (isPunctuation(c) || isIdeograph(c)) {
                n = flush(word, ids, n, limit);
                word.appendCodePoint(c);
                n = flush(word, ids, n, limit);
            } else if (word.length() <= MAX_WORD_CHARS) {
                word.appendCodePoint(c);
            }
        }
        n = flush(word, ids, n, limit);
        ids[n++] = sep;
        return Arrays.copyOf(ids, n);
    }

    /** Appends the pieces of the word held so far and empties it. */
    private int flush(StringBuilder word, long[] ids, int n, int limit) {
        if (word.isEmpty()) {
            return n;
        }
        String normal = normalize(word);
        word.setLength(0);
        if (normal.isEmpty()) {
            return n;
        }
        if (normal.length() > MAX_WORD_CHARS) {
            ids[n++] = unknown;
            return n;
        }
        return pieces(normal, ids, n, limit);
    }

    /** Greedy longest-first split into vocabulary pieces; a word with any part missing is one [UNK]. */
    private int pieces(String word, long[] ids, int n, int limit) {
        int start = 0;
        int first = n;
        while (start < word.length()) {
            int end = word.length();
            Integer piece = null;
            while (start < end) {
                String candidate = start == 0 ? word.substring(0, end) : "##" + word.substring(start, end);
                piece = vocabulary.get(candidate);
                if (piece != null) {
                    break;
                }
                end--;
            }
            if (piece == null) {
                ids[first] = unknown;
                return first + 1;
            }
            if (n < limit) {
                ids[n++] = piece;
            }
            start = end;
        }
        return n;
    }

    /** Lower case with accents taken off, as the uncased vocabulary was built. */
    private static String normalize(CharSequence word) {
        String decomposed = Normalizer.normalize(word.toString().toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Java's isWhitespace leaves out the no-break space news text is full of; BERT counts every Zs. */
    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** BERT counts every ASCII symbol as punctuation ("$", "^"), as well as Unicode punctuation. */
    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** CJK ideographs stand alone, as BERT splits them. */
    private static boolean isIdeograph(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2CEAF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
