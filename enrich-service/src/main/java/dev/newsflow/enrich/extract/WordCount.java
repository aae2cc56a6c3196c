package dev.newsflow.enrich.extract;

/**
 * Counts words as runs of letters or digits, the way the extraction rules measure text. Chinese and
 * Japanese write without spaces, so each of their ideographs counts as a word of its own.
 */
final class WordCount {

    private WordCount() {
    }

    static int of(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && (!inWord || Character.isIdeographic(c))) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
