package dev.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each entity of an article one name, the fullest the article uses: "Putin" after "Vladimir
 * Putin" is "Vladimir Putin", "Xi" is "Xi Jinping", "SCO" after "Shanghai Cooperation Organisation
 * (SCO)" is the long name (an acronym merely matching initials is not merged: "U.S." and "United
 * States" stay as written, as readers and the news evaluation count them). Possessives and a
 * leading "the" go, repeats (ignoring case) collapse, and names keep the order of first mention.
 * Hand-written: CoreNLP's coreference needs the full pipeline and its parser models, far beyond
 * the one tagger model we ship, and these rules are what news names need.
 */
final class EntityResolver {

    private static final Pattern LEADING_CAPITAL_THE = Pattern.compile("^The\\s+");
    /** Quotes beyond ASCII's that may wrap a name. */
    private static final String QUOTES = "“”‘’«»";
    private static final Pattern DEFINITION = Pattern.compile("^\\s*\\(\\s*([\\p{Lu}][\\p{L}\\p{N}&.\\-]{0,9})\\s*\\)");
    private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}][\\p{Lu}\\p{N}&.]{1,7}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Longest name, in words, searched for the short forms inside it. */
    private static final int MAX_RUN_WORDS = 12;
    /** Most long forms a short form is weighed against; more means it is ambiguous. */
    private static final int MAX_LONG_FORMS = 8;

    private final Gazetteer gazetteer;
    private final boolean definedAcronyms;

    EntityResolver(Gazetteer gazetteer) {
        this(gazetteer, true);
    }

    /**
     * @param definedAcronyms an acronym the text defines ("Shanghai Cooperation Organisation (SCO)") is its long name
     */
    EntityResolver(Gazetteer gazetteer, boolean definedAcronyms) {
        this.gazetteer = gazetteer;
        this.definedAcronyms = definedAcronyms;
    }

    /**
     * The article's entities.
     *
     * @param mentions every name found, of the three published types, with offsets into {@code text}
     *                 (feed entities with negative offsets, so they count as mentioned first)
     * @param text     the text the offsets point into, where acronyms are defined
     */
    Entities resolve(List<Mention> mentions, String text) {
        List<Mention> clean = mentions.stream()
                .map(m -> new Mention(m.type(), withoutThe(clean(m.text())), m.start(), m.end()))
                .filter(m -> m.text().codePoints().anyMatch(Character::isLetter))
                .sorted(Comparator.comparingInt(Mention::start))
                .toList();
        Map<String, String> defined = definedAcronyms ? acronymDefinitions(clean, text) : Map.of();
        Map<EntityType, List<String>> names = new LinkedHashMap<>();
        for (EntityType type : List.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE)) {
            names.put(type, distinct(clean.stream().filter(m -> m.type() == type).map(Mention::text).toList()));
        }
        // Longest names first, of every type, so that a short form finds its long form already resolved.
        List<Resolved> longestFirst = new ArrayList<>();
        names.forEach((type, list) -> list.forEach(name -> longestFirst.add(new Resolved(name, type))));
        longestFirst.sort(Comparator.comparingInt((Resolved r) -> tokens(r.name()).size()).reversed());
        Map<String, List<String>> longForms = longFormsByRun(names);
        Map<String, Resolved> canonical = new HashMap<>();
        for (Resolved r : longestFirst) {
            canonical.put(key(r.type(), r.name()), resolveOne(r.name(), r.type(), longForms, defined, canonical));
        }
        Map<EntityType, Set<String>> out = new LinkedHashMap<>();
        names.keySet().forEach(t -> out.put(t, new LinkedHashSet<>()));
        Set<String> seen = new HashSet<>();
        for (Mention m : clean) {
            Resolved r = canonical.get(key(m.type(), m.text()));
            if (r != null && seen.add(key(r.type(), r.name()))) {
                out.get(r.type()).add(r.name());
            }
        }
        return new Entities(List.copyOf(out.get(EntityType.PERSON)), List.copyOf(out.get(EntityType.ORGANIZATION)),
                List.copyOf(out.get(EntityType.PLACE)));
    }

    /**
     * The names as they were tagged, cleaned of punctuation and repeats but not resolved to their
     * fullest form: the baseline against which resolution is measured.
     */
    static Entities asTagged(List<Mention> mentions) {
        Map<EntityType, List<String>> names = new LinkedHashMap<>();
        for (EntityType type : List.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE)) {
            names.put(type, distinct(mentions.stream().filter(m -> m.type() == type).map(m -> clean(m.text()))
                    .filter(n -> n.codePoints().anyMatch(Character::isLetter)).toList()));
        }
        return new Entities(names.get(EntityType.PERSON), names.get(EntityType.ORGANIZATION), names.get(EntityType.PLACE));
    }

    private record Resolved(String name, EntityType type) {
    }

    private Resolved resolveOne(String name, EntityType type, Map<String, List<String>> longForms,
            Map<String, String> defined, Map<String, Resolved> done) {
        String definedAs = defined.get(name);
        if (definedAs != null && !definedAs.equalsIgnoreCase(name)) {
            return findDone(done, definedAs).orElse(new Resolved(definedAs, type));
        }
        List<String> candidates = longForms.getOrDefault(key(type, String.join(" ", tokens(name))), List.of());
        if (candidates.size() > MAX_LONG_FORMS) {
            return new Resolved(name, type);
        }
        Optional<Resolved> longer = uniqueCandidate(candidates.stream()
                .filter(other -> !twoKnownNames(name, other))
                .map(other -> done.get(key(type, other))).toList());
        return longer.orElse(new Resolved(name, type));
    }

    /**
     * Every shorter run of words inside each name (keyed by type and the run's words), with the
     * names it lies in: a short form's long forms are one lookup away, where comparing every pair
     * of names would be quadratic in an article's names. Names of more than {@link #MAX_RUN_WORDS}
     * words are not indexed (no news name is that long), and a run inside more than
     * {@link #MAX_LONG_FORMS} names stands for none of them.
     */
    private static Map<String, List<String>> longFormsByRun(Map<EntityType, List<String>> names) {
        Map<String, List<String>> runs = new HashMap<>();
        names.forEach((type, list) -> {
            for (String name : list) {
                List<String> words = tokens(name);
                if (words.size() > MAX_RUN_WORDS) {
                    continue;
                }
                for (int from = 0; from < words.size(); from++) {
                    for (int to = from + 1; to <= words.size(); to++) {
                        if (to - from < words.size()) {
                            List<String> at = runs.computeIfAbsent(key(type, String.join(" ", words.subList(from, to))),
                                    k -> new ArrayList<>());
                            if (at.size() <= MAX_LONG_FORMS && !at.contains(name)) {
                                at.add(name);
                            }
                        }
                    }
                }
            }
        });
        return runs;
    }

    /** "Sudan" inside "South Sudan": both are names of their own, not a short and a long form. */
    private boolean twoKnownNames(String shorter, String longer) {
        Optional<Gazetteer.Entry> a = gazetteer.entry(shorter);
        Optional<Gazetteer.Entry> b = gazetteer.entry(longer);
        return a.isPresent() && b.isPresent() && !a.get().name().equals(b.get().name());
    }

    /** The one entity the candidates stand for; empty when none, or when they are different entities. */
    private static Optional<Resolved> uniqueCandidate(List<Resolved> candidates) {
        Set<String> distinct = new LinkedHashSet<>();
        candidates.stream().filter(r -> r != null).forEach(r -> distinct.add(lower(r.name())));
        if (distinct.size() != 1) {
            return Optional.empty();
        }
        return candidates.stream().filter(r -> r != null).findFirst();
    }

    /** Acronyms the text spells out: "Shanghai Cooperation Organisation (SCO)" defines SCO. */
    private static Map<String, String> acronymDefinitions(List<Mention> mentions, String text) {
        Map<String, String> defined = new HashMap<>();
        for (Mention m : mentions) {
            if (m.start() < 0 || m.end() > text.length() || tokens(m.text()).size() < 2) {
                continue;
            }
            Matcher d = DEFINITION.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 20)));
            if (d.find() && ACRONYM.matcher(d.group(1)).matches() && spellsOut(d.group(1), m.text())) {
                defined.putIfAbsent(d.group(1), m.text());
            }
        }
        return defined;
    }

    /**
     * True when the acronym's letters appear in the name in order, the first as the name's first: a
     * bracket after a name may hold something else, as in "Linda Wild ( U.S. )" in a results table.
     */
    static boolean spellsOut(String acronym, String name) {
        String letters = acronym.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (letters.isEmpty() || lowerName.isEmpty() || letters.charAt(0) != lowerName.charAt(0)) {
            return false;
        }
        int at = 0;
        for (int i = 0; i < letters.length(); i++) {
            at = lowerName.indexOf(letters.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    /**
     * A capital "The" belongs to some names ("The Oval", "The Hague") and starts the sentence before
     * others: it goes where the rest is a name the gazetteer knows ("The Netherlands").
     */
    private String withoutThe(String name) {
        Matcher the = LEADING_CAPITAL_THE.matcher(name);
        if (the.find() && gazetteer.entry(name.substring(the.end())).isPresent()) {
            return name.substring(the.end());
        }
        return name;
    }

    /** The name without a leading lower-case "the", a possessive, or punctuation around it. */
    static String clean(String name) {
        if (isClean(name)) {
            return name;
        }
        String s = SPACES.matcher(name).replaceAll(" ");
        // Two cursors moving inwards: each pass strips at least one character or ends the loop, and
        // every check looks at a few characters only, so the whole is linear in the name's length.
        int start = 0;
        int end = s.length();
        boolean changed = true;
        while (changed && start < end) {
            int before = end - start;
            while (start < end && isEdge(s.charAt(start))) {
                start++;
            }
            while (end > start && isEdge(s.charAt(end - 1)) && s.charAt(end - 1) != '.' && s.charAt(end - 1) != ')') {
                end--;
            }
            if (end - start > 4 && (s.startsWith("the ", start) || s.startsWith("THE ", start))) {
                start += 4;
            }
            end -= possessiveLength(s, start, end);
            changed = end - start < before;
        }
        return s.substring(start, end).strip();
    }

    /** How many characters of a possessive end the name: 2 for "'s", 1 for the apostrophe of "Reuters'", else 0. */
    private static int possessiveLength(String s, int start, int end) {
        if (end - start < 2 || "'’".indexOf(s.charAt(end - 1)) < 0 && "'’".indexOf(s.charAt(end - 2)) < 0) {
            return 0;
        }
        char last = s.charAt(end - 1);
        char beforeLast = s.charAt(end - 2);
        if ((last == 's' || last == 'S') && "'’".indexOf(beforeLast) >= 0) {
            return 2;
        }
        return "'’".indexOf(last) >= 0 && (beforeLast == 's' || beforeLast == 'S') ? 1 : 0;
    }

    /** Punctuation and spaces that may wrap a name; a final dot or bracket belongs to some ("Corp.", "(Z)"). */
    private static boolean isEdge(char c) {
        return (c < 128 && !Character.isLetterOrDigit(c) && c > ' ' && c != 127) || Character.isWhitespace(c)
                || QUOTES.indexOf(c) >= 0;
    }

    /**
     * True when {@link #clean} would leave the name as it is: words of letters and digits parted by
     * single spaces, no "the" in front, no possessive behind. Most tagged names are so, and this
     * check spares them the half-dozen regular expressions of the full cleaning, run several times
     * for each of an article's hundred-odd mentions.
     */
    private static boolean isClean(String name) {
        if (name.isEmpty() || name.startsWith("the") || name.startsWith("THE")) {
            return false;
        }
        char last = name.charAt(name.length() - 1);
        if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(last)) {
            return false;
        }
        if ((last == 's' || last == 'S') && name.length() > 1 && "'’".indexOf(name.charAt(name.length() - 2)) >= 0) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || name.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tokens(String name) {
        return List.of(SPACES.split(lower(name)));
    }

    /** First spelling of each name, ignoring case; a spelling in capitals gives way to a later one in mixed case. */
    private static List<String> distinct(List<String> names) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String name : names) {
            String key = lower(name);
            String kept = byKey.get(key);
            if (kept == null || isCapitals(kept) && !isCapitals(name)) {
                byKey.put(key, name);
            }
        }
        return List.copyOf(byKey.values());
    }

    private static boolean isCapitals(String name) {
        return name.length() > 1 && name.equals(name.toUpperCase(Locale.ROOT)) && !name.equals(name.toLowerCase(Locale.ROOT));
    }

    /** A name already resolved under any type: an acronym or alias may have been typed otherwise than its long form. */
    private static Optional<Resolved> findDone(Map<String, Resolved> done, String name) {
        for (EntityType type : List.of(EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PERSON)) {
            Resolved r = done.get(key(type, name));
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static String key(EntityType type, String name) {
        return type + ":" + lower(name);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
