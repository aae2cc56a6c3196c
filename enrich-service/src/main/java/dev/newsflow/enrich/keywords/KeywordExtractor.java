package dev.newsflow.enrich.keywords;

import dev.newsflow.enrich.text.Words;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks the terms a story is most about: the most frequent words and two- or three-word phrases
 * that are not stopwords. Hand-written because the libraries we use (OpenNLP, jsoup) have no keyword
 * extractor and a frequency ranking is small; a statistical ranking can replace it with the topics work.
 */
public final class KeywordExtractor {

    static final int MAX_KEYWORDS = 10;
    private static final int MAX_PHRASE_WORDS = 3;
    /** A phrase is a keyword only when the story repeats it; single words may stand on one use. */
    private static final int MIN_PHRASE_COUNT = 2;
    /**
     * Each word a phrase has beyond the first adds this share to its score: phrases say more than
     * their words alone, and at the same count the whole name beats its parts.
     */
    private static final double EXTRA_WORD_WEIGHT = 0.5;
    /**
     * A term in the headline gains this much: the headline names what the story is about. Less than one
     * use, so it reorders terms of equal count rather than lifting a headline word over a repeated one.
     */
    private static final double HEADLINE_BONUS = 0.5;
    /** Below this many letters a final "s" is no plural ending ("bus", "gas", "its"). */
    private static final int MIN_PLURAL_LENGTH = 4;

    /**
     * Phrases never run across punctuation (these marks, and a dash written as a hyphen between
     * spaces); apostrophes stay, as they sit inside words.
     */
    private static final String CLAUSE_BREAKS = ".,;:!?()[]{}\"“”«»„—–/|\n";
    /** The whitespace of a regular expression's {@code \s}: ASCII only. */
    private static final String SPACE_CHARS = " \t\n\u000B\f\r";
    private static final List<String> STOPWORD_LANGUAGES = List.of("en", "fr", "de", "es");

    private final Map<String, Set<String>> stopwords;

    public KeywordExtractor() {
        Map<String, Set<String>> lists = new HashMap<>();
        for (String language : STOPWORD_LANGUAGES) {
            lists.put(language, load(language));
        }
        this.stopwords = Map.copyOf(lists);
    }

    /** Up to {@value #MAX_KEYWORDS} keywords, the strongest first, each as the story most often writes it. */
    public List<String> extract(String title, String body, String language) {
        Set<String> stop = language != null && stopwords.containsKey(language) ? stopwords.get(language) : stopwords.get("en");
        boolean english = language == null || language.equals("en");
        Map<String, Term> terms = new LinkedHashMap<>();
        for (String clause : clauses(title)) {
            countClause(clause, stop, english, true, terms);
        }
        for (String clause : clauses(body)) {
            countClause(clause, stop, english, false, terms);
        }
        List<Term> ranked = new ArrayList<>(terms.values().stream()
                .filter(t -> t.words == 1 || t.count >= MIN_PHRASE_COUNT)
                .sorted(Comparator.comparingDouble(Term::score).reversed())
                .toList());
        List<Term> chosen = new ArrayList<>();
        for (Term term : ranked) {
            if (chosen.size() == MAX_KEYWORDS) {
                break;
            }
            if (!mostlyInsideChosenPhrase(term, chosen) && !coveredByChosenPhrase(term, chosen)) {
                chosen.add(term);
            }
        }
        return chosen.stream().map(Term::surface).toList();
    }

    /**
     * The text cut at every clause break. Scanned by hand: a regular expression split was close to
     * half of what this step cost once the word tests below had been written out.
     */
    static List<String> clauses(String text) {
        List<String> clauses = new ArrayList<>();
        if (text == null) {
            return clauses;
        }
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int breakLength = breakAt(text, i);
            if (breakLength > 0) {
                clauses.add(text.substring(start, i));
                i += breakLength;
                start = i;
            } else {
                i++;
            }
        }
        clauses.add(text.substring(start));
        return clauses;
    }

    /** How many characters the clause break at {@code i} spans; 0 when none starts there. */
    private static int breakAt(String text, int i) {
        if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) {
            return 1;
        }
        boolean spacedHyphen = i + 2 < text.length() && text.charAt(i + 1) == '-'
                && SPACE_CHARS.indexOf(text.charAt(i)) >= 0 && SPACE_CHARS.indexOf(text.charAt(i + 2)) >= 0;
        return spacedHyphen ? 3 : 0;
    }

    private static void countClause(String clause, Set<String> stop, boolean english, boolean headline,
                                    Map<String, Term> terms) {
        List<String> run = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String token : Words.of(clause)) {
            String word = withoutPossessive(token);
            if (isCandidate(word, stop)) {
                run.add(word);
                keys.add(key(word, english));
                for (int n = 1; n <= Math.min(MAX_PHRASE_WORDS, run.size()); n++) {
                    int words = n;
                    String surface = String.join(" ", run.subList(run.size() - n, run.size()));
                    String key = String.join(" ", keys.subList(keys.size() - n, keys.size()));
                    terms.computeIfAbsent(key, k -> new Term(words, k)).saw(surface, headline);
                }
            } else {
                run.clear();
                keys.clear();
            }
        }
    }

    /*
     * The word tests below run for every word of every story, so they are written out by hand rather
     * than as regular expressions, which cost a matcher and a scan each time (together some two fifths
     * of this step).
     */

    /** The word without a final "'s" or "’s" (any case). */
    private static String withoutPossessive(String word) {
        int n = word.length();
        boolean possessive = n >= 2 && asciiLower(word.charAt(n - 1)) == 's' && "'’".indexOf(word.charAt(n - 2)) >= 0;
        return possessive ? word.substring(0, n - 2) : word;
    }

    /** What makes two spellings one term: case, and in English a plural ending. */
    private static String key(String word, boolean english) {
        if (english && !isAcronym(word) && isEnglishPlural(word)) {
            word = word.substring(0, word.length() - 1);
        }
        return word.toLowerCase(Locale.ROOT);
    }

    /** Capital letters, perhaps with a plural "s": "NATO", "NGOs". */
    private static boolean isAcronym(String word) {
        int end = word.endsWith("s") ? word.length() - 1 : word.length();
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; ) {
            int c = word.codePointAt(i);
            if (Character.getType(c) != Character.UPPERCASE_LETTER) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * English plurals fold into the singular ("gas prices" and "gas price" are one phrase): four
     * letters or more ending in "s", but not in "ss", "us" or "is" ("press", "census", "crisis").
     */
    private static boolean isEnglishPlural(String word) {
        int n = word.length();
        if (n < 2 || word.codePointCount(0, n) < MIN_PLURAL_LENGTH || asciiLower(word.charAt(n - 1)) != 's') {
            return false;
        }
        char before = asciiLower(word.charAt(n - 2));
        return before != 's' && before != 'u' && before != 'i';
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static boolean isCandidate(String word, Set<String> stop) {
        if (word.codePoints().noneMatch(Character::isLetter) || stop.contains(word.toLowerCase(Locale.ROOT))) {
            return false;
        }
        // Two letters make a keyword only as a name or acronym ("Xi", "EU"), never as a common word.
        return word.length() >= 3 || (word.length() == 2 && Character.isUpperCase(word.charAt(0)));
    }

    /** A word most of whose uses are inside an already chosen phrase ("Shanghai" in "Shanghai Cooperation"). */
    private static boolean mostlyInsideChosenPhrase(Term term, List<Term> chosen) {
        return chosen.stream().anyMatch(p -> p.words > term.words && p.contains(term)
                && term.count - p.count < MIN_PHRASE_COUNT);
    }

    /** A phrase that only adds a word to a chosen one, or a part of a chosen longer phrase. */
    private static boolean coveredByChosenPhrase(Term term, List<Term> chosen) {
        return term.words > 1 && chosen.stream().anyMatch(p -> p.words > 1 && (p.contains(term) || term.contains(p)));
    }

    private static Set<String> load(String language) {
        String resource = "stopwords-" + language + ".txt";
        try (InputStream in = KeywordExtractor.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("stopword list " + resource + " is missing from the class path");
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.startsWith("#"))
                    .flatMap(line -> Words.of(line).stream())
                    .forEach(w -> words.add(w.toLowerCase(Locale.ROOT)));
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stopword list " + resource, e);
        }
    }

    /** A word or phrase under its folded key, how often it occurs, and how it is written each time. */
    private static final class Term {
        private final int words;
        private final String key;
        private final Map<String, Integer> surfaces = new LinkedHashMap<>();
        private int count;
        private boolean inHeadline;

        Term(int words, String key) {
            this.words = words;
            this.key = key;
        }

        void saw(String surface, boolean headline) {
            count++;
            inHeadline |= headline;
            surfaces.merge(surface, 1, Integer::sum);
        }

        double score() {
            return count * (1 + EXTRA_WORD_WEIGHT * (words - 1)) + (inHeadline ? HEADLINE_BONUS : 0);
        }

        /**
         * The spelling used most often. On a tie the lower-case one, since a capital may only mark the
         * start of a sentence; then the first seen.
         */
        String surface() {
            Comparator<Map.Entry<String, Integer>> often = Map.Entry.comparingByValue();
            return surfaces.entrySet().stream()
                    .max(often.thenComparing(e -> Character.isLowerCase(e.getKey().charAt(0))))
                    .map(Map.Entry::getKey)
                    .orElseThrow();
        }

        boolean contains(Term other) {
            return (" " + key + " ").contains(" " + other.key + " ");
        }
    }
}
