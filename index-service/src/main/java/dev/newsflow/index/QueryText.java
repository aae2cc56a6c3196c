package dev.newsflow.index;

/**
 * Adapts what people type to Elasticsearch's simple query syntax, which reads {@code |} as OR and
 * {@code +} as AND but would take the words {@code OR} and {@code AND} as search terms. Quoted
 * phrases are left alone.
 */
final class QueryText {

    private QueryText() {
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
