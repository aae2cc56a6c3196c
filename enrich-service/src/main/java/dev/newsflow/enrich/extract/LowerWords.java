package dev.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.List;

/** The words of a text in lower case (runs of letters or digits), read in one pass. */
final class LowerWords {

    private LowerWords() {
    }

    /** At most {@code max} words from the start of the text. */
    static List<String> of(String text, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length() && out.size() < max; i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (!word.isEmpty()) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        return out;
    }

    static List<String> of(String text) {
        return of(text, Integer.MAX_VALUE);
    }
}
