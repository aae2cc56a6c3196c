package dev.newsflow.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weighted terms of each topic, read from a resource such as {@code topic-lexicon-en.txt}
 * (its header explains the format), indexed by their first word so that matching a token costs a
 * map lookup rather than a pass over every term.
 */
final class TopicLexicon {

    /** A prefix term must give at least this many letters, or it would match half the language. */
    static final int MIN_PREFIX_LENGTH = 3;

    private static final Pattern SECTION = Pattern.compile("^\\[([a-z-]+)]$");
    private static final Pattern WEIGHTED = Pattern.compile("^(\\d+(?:\\.\\d+)?):(.*)$");

    private final Map<String, List<Term>> byFirstWord;
    private final Map<String, List<Term>> byFirstPrefix;
    private final int termCount;

    private TopicLexicon(List<Term> terms) {
        Map<String, List<Term>> exact = new HashMap<>();
        Map<String, List<Term>> prefixes = new HashMap<>();
        for (Term term : terms) {
            Word first = term.words().getFirst();
            if (first.prefix()) {
                prefixes.computeIfAbsent(first.text().substring(0, MIN_PREFIX_LENGTH), k -> new ArrayList<>()).add(term);
            } else {
                exact.computeIfAbsent(first.text(), k -> new ArrayList<>()).add(term);
            }
        }
        this.byFirstWord = Map.copyOf(exact);
        this.byFirstPrefix = Map.copyOf(prefixes);
        this.termCount = terms.size();
    }

    /** The lexicon in the class-path resource next to this class. */
    static TopicLexicon load(String resource) {
        try (InputStream in = TopicLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("topic lexicon " + resource + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read topic lexicon " + resource, e);
        }
    }

    /** Reads the lines of a lexicon; {@code name} only labels errors. A term listed twice for a topic keeps its larger weight. */
    static TopicLexicon parse(List<String> lines, String name) {
        Map<String, Term> terms = new LinkedHashMap<>();
        NewsTopic topic = null;
        int lineNumber = 0;
        for (String raw : lines) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            Matcher weighted = WEIGHTED.matcher(line);
            if (section.matches()) {
                topic = NewsTopic.ofId(section.group(1));
                if (topic == null) {
                    throw new IllegalStateException(name + ":" + lineNumber + ": unknown topic " + section.group(1));
                }
            } else if (weighted.matches() && topic != null) {
                double weight = Double.parseDouble(weighted.group(1));
                for (String spelled : weighted.group(2).split(",")) {
                    if (spelled.isBlank()) {
                        continue;
                    }
                    Term term = new Term(topic, weight, words(spelled, name, lineNumber));
                    terms.merge(topic + "/" + term.words(), term, (a, b) -> a.weight() >= b.weight() ? a : b);
                }
            } else {
                throw new IllegalStateException(name + ":" + lineNumber + ": expected [topic] or weight: terms, got " + line);
            }
        }
        return new TopicLexicon(List.copyOf(terms.values()));
    }

    /** The words of a term, split and normalised the way {@link TopicClassifier} splits text. */
    private static List<Word> words(String spelled, String name, int lineNumber) {
        List<Word> words = new ArrayList<>();
        for (String piece : spelled.strip().split("\\s+")) {
            boolean prefix = piece.endsWith("*");
            List<String> tokens = TopicClassifier.tokens(prefix ? piece.substring(0, piece.length() - 1) : piece);
            for (int i = 0; i < tokens.size(); i++) {
                boolean last = i == tokens.size() - 1;
                words.add(new Word(tokens.get(i), prefix && last));
            }
        }
        if (words.isEmpty()) {
            throw new IllegalStateException(name + ":" + lineNumber + ": term \"" + spelled.strip() + "\" has no words");
        }
        Word first = words.getFirst();
        if (first.prefix() && first.text().length() < MIN_PREFIX_LENGTH) {
            throw new IllegalStateException(name + ":" + lineNumber + ": prefix \"" + spelled.strip() + "\" is too short");
        }
        return List.copyOf(words);
    }

    /** The terms that could start at this (lower-case) token; each must still be matched against what follows. */
    List<Term> startingWith(String token) {
        List<Term> exact = byFirstWord.getOrDefault(token, List.of());
        List<Term> prefixed = token.length() >= MIN_PREFIX_LENGTH
                ? byFirstPrefix.getOrDefault(token.substring(0, MIN_PREFIX_LENGTH), List.of())
                : List.of();
        if (prefixed.isEmpty()) {
            return exact;
        }
        List<Term> all = new ArrayList<>(exact);
        all.addAll(prefixed);
        return all;
    }

    int size() {
        return termCount;
    }

    /** One word of a term: matched whole, or as the beginning of a token when {@code prefix}. */
    record Word(String text, boolean prefix) {

        boolean matches(String token) {
            return prefix ? token.startsWith(text) : token.equals(text);
        }

        @Override
        public String toString() {
            return prefix ? text + "*" : text;
        }
    }

    /** A word or phrase that speaks for a topic with a weight. */
    record Term(NewsTopic topic, double weight, List<Word> words) {

        /** Whether the term matches the tokens from {@code start} on. */
        boolean matchesAt(List<String> tokens, int start) {
            if (start + words.size() > tokens.size()) {
                return false;
            }
            for (int i = 0; i < words.size(); i++) {
                if (!words.get(i).matches(tokens.get(start + i))) {
                    return false;
                }
            }
            return true;
        }

        String spelled() {
            return String.join(" ", words.stream().map(Word::toString).toList()).toLowerCase(Locale.ROOT);
        }
    }
}
