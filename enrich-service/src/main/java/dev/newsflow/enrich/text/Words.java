package dev.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How enrich-service splits text into words: runs of letters and digits, with inner apostrophes
 * and hyphens kept ("high-stakes", "don't"). Scripts written without spaces (Chinese, Japanese)
 * count a run of their characters as one word; a proper segmenter comes with the NER work.
 */
public final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");

    private Words() {
    }

    /** The words of the text, in order, as written. */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** How many words the text has. */
    public static int count(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            count++;
        }
        return count;
    }
}
