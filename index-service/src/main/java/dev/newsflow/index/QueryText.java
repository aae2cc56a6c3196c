package dev.newsflow.index;

import java.util.Optional;

/**
 * Adapts what people type to Elasticsearch's simple query syntax, which reads {@code |} as OR and
 * {@code +} as AND but would take the words {@code OR} and {@code AND} as search terms. Quoted
 * phrases are left alone.
 */
final class QueryText {

    /** A prefix search ({@code elect*}) needs this many letters: {@code e*} would expand to every term in the index. */
    static final int MIN_PREFIX_CHARS = 3;
    /** Each prefix expands to many terms; a few per query are enough for readers. */
    static final int MAX_PREFIXES = 3;

    private QueryText() {
    }

    /** Why the query's prefix searches are too broad, or empty when they are bounded (or there are none). */
    static Optional<String> checkPrefixes(String text) {
        int prefixes = 0;
        int wordChars = 0;
        boolean inPhrase = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inPhrase = !inPhrase;
                wordChars = 0;
            } else if (inPhrase) {
                continue;
            } else if (c == '*') {
                if (wordChars < MIN_PREFIX_CHARS) {
                    return Optional.of("a prefix search needs at least " + MIN_PREFIX_CHARS + " letters before *");
                }
                if (++prefixes > MAX_PREFIXES) {
                    return Optional.of("q may hold at most " + MAX_PREFIXES + " prefix searches");
                }
                wordChars = 0;
            } else if (Character.isLetterOrDigit(c)) {
                wordChars++;
            } else {
                wordChars = 0;
            }
        }
        return Optional.empty();
    }

    static String toSimpleQuery(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inPhrase = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                inPhrase = !inPhrase;
            }
            if (!inPhrase && startsWord(text, i)) {
                if (isWord(text, i, "OR")) {
                    out.append('|');
                    i += 2;
                    continue;
                }
                if (isWord(text, i, "AND")) {
                    out.append('+');
                    i += 3;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean startsWord(String text, int i) {
        return i == 0 || Character.isWhitespace(text.charAt(i - 1));
    }

    private static boolean isWord(String text, int i, String word) {
        int end = i + word.length();
        return text.startsWith(word, i) && end < text.length() && Character.isWhitespace(text.charAt(end));
    }
}
