package dev.newsflow.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names whose type general knowledge settles: countries (with their nationality adjectives),
 * regions and large cities, international organisations, agencies and news agencies. Written by
 * hand because no library we use ships such a list; it corrects the tagger where a name's type is
 * beyond doubt ("Philippines" is a place even where the tagger read an organization) and finds
 * well-known names the tagger missed.
 */
final class Gazetteer {

    /**
     * One known name.
     *
     * @param name      the name to publish for every spelling of it
     * @param country   a country or territory: a place even where a text uses it for a team or government
     * @param ambiguous one of its spellings is also a common word or a person's name: not searched for
     */
    record Entry(EntityType type, String name, boolean country, boolean ambiguous) {
    }

    /**
     * A known name found in a text by {@link #find}.
     *
     * @param spelling the list's spelling of it: "China" where a headline wrote "CHINA"
     */
    record Found(Entry entry, String spelling, int start, int end) {
    }

    /** Letters and digits, with inner hyphens, dots and ampersands ("U.S.", "Guinea-Bissau"); a final dot kept. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-.&][\\p{L}\\p{N}]+)*\\.?");
    private static final int MAX_TOKENS = 8;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** In all-capital headlines only names this long are trusted: "US" there may be the pronoun. */
    private static final int MIN_CAPS_LENGTH = 4;
    /** Capitalised words that start a sentence rather than a name, so a name may follow them. */
    private static final Set<String> FUNCTION_WORDS = Set.of("The", "A", "An", "In", "At", "On", "For", "From",
            "To", "By", "And", "But", "Or", "Of", "With", "As", "While", "When", "After", "Before", "Since",
            "Both", "Against", "Between", "Like", "Unlike", "Across", "Inside", "Outside", "Including", "If");

    private final Map<String, Entry> byKey;
    private final Map<String, Set<String>> spellings;
    private final Set<String> nationalities;
    /** The first word of every trusted spelling, lower case, and how many words the longest spelling it starts has. */
    private final Map<String, Integer> firstWords;

    private Gazetteer(Map<String, Entry> byKey, Map<String, Set<String>> spellings, Set<String> nationalities) {
        this.byKey = byKey;
        this.spellings = spellings;
        this.nationalities = nationalities;
        Map<String, Integer> first = new HashMap<>();
        for (String k : spellings.keySet()) {
            String[] words = k.split(" ");
            first.merge(withoutDot(words[0]), words.length, Math::max);
        }
        this.firstWords = Map.copyOf(first);
    }

    private static String withoutDot(String word) {
        return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    }

    /** The built-in lists, loaded once. */
    static Gazetteer standard() {
        return Holder.INSTANCE;
    }

    /** The entry a name (any spelling, any case) belongs to. */
    Optional<Entry> entry(String name) {
        return Optional.ofNullable(byKey.get(key(name)));
    }

    /** True for a nationality or its adjective ("Chinese", "Britons"): a name, but not a place. */
    boolean isNationality(String name) {
        return nationalities.contains(key(name));
    }

    /**
     * The known names in the text, longest first where they overlap, written as the lists write them
     * (in all-capital lines: in capitals). Ambiguous spellings are left out, and so are names that
     * run on into more capitalised words ("China Daily", "New York Knicks"): those are other names.
     */
    List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        int lineStart = 0;
        for (String line : text.split("\n", -1)) {
            findInLine(line, lineStart, found);
            lineStart += line.length() + 1;
        }
        return found;
    }

    private void findInLine(String line, int offset, List<Found> out) {
        List<int[]> tokens = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
            // A token is one word of a key already: lower-casing it is all key() would do.
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        boolean caps = isCapitals(line);
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            // Most words start no known name, and the rest start only names of a few words: one lookup
            // spares trying every run of up to MAX_TOKENS words from each word of the text.
            int longest = Math.max(firstWords.getOrDefault(words.get(i), 0),
                    firstWords.getOrDefault(withoutDot(words.get(i)), 0));
            for (int n = Math.min(Math.min(MAX_TOKENS, longest), tokens.size() - i); n >= 1 && matched == 0; n--) {
                int start = tokens.get(i)[0];
                int end = tokens.get(i + n - 1)[1];
                String surface = line.substring(start, end);
                String key = String.join(" ", words.subList(i, i + n));
                String spelling = spelling(surface, key, caps);
                if (spelling == null && surface.endsWith(".")) {
                    end--;
                    surface = surface.substring(0, surface.length() - 1);
                    key = key.substring(0, key.length() - 1);
                    spelling = spelling(surface, key, caps);
                }
                if (spelling != null) {
                    matched = n;
                    if (caps || standsAlone(line, tokens, i, i + n - 1)) {
                        out.add(new Found(byKey.get(key), spelling, offset + start, offset + end));
                    }
                }
            }
            i += Math.max(matched, 1);
        }
    }

    /** The trusted spelling the surface form (whose key is given) is written as (in capitals, in a capitals line), or null. */
    private String spelling(String surface, String key, boolean capsLine) {
        Set<String> forms = spellings.get(key);
        if (forms == null) {
            return null;
        }
        String normal = normalSpacing(surface);
        if (forms.contains(normal)) {
            return normal;
        }
        if (!capsLine || normal.length() < MIN_CAPS_LENGTH) {
            return null;
        }
        return forms.stream().filter(f -> f.toUpperCase(Locale.ROOT).equals(normal)).findFirst().orElse(null);
    }

    private static boolean standsAlone(String line, List<int[]> tokens, int first, int last) {
        if (last + 1 < tokens.size() && adjacent(line, tokens.get(last), tokens.get(last + 1))
                && startsUpper(line, tokens.get(last + 1))) {
            return false;
        }
        if (first > 0 && adjacent(line, tokens.get(first - 1), tokens.get(first))) {
            int[] before = tokens.get(first - 1);
            String word = line.substring(before[0], before[1]);
            return !startsUpper(line, before) || FUNCTION_WORDS.contains(word);
        }
        return true;
    }

    /** Only spaces between: a comma, bracket or dash ends a name. */
    private static boolean adjacent(String line, int[] a, int[] b) {
        return line.substring(a[1], b[0]).isBlank() && !line.substring(a[0], a[1]).endsWith(".");
    }

    private static boolean startsUpper(String line, int[] token) {
        return Character.isUpperCase(line.charAt(token[0]));
    }

    static boolean isCapitals(String line) {
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        return upper > 0 && lower * 10 < upper;
    }

    /** Lower case, one space between words, apostrophes and possessives folded. */
    static String key(String name) {
        if (isPlainWords(name)) {
            return name.toLowerCase(Locale.ROOT);
        }
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(name.replace('’', '\''));
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return String.join(" ", words);
    }

    /**
     * Letters and digits in words parted by single spaces ("Vladimir Putin"), as most names are:
     * their key is just their lower case, which spares the tokenizer on the entity step's hot path.
     */
    private static boolean isPlainWords(String name) {
        if (name.isEmpty() || name.charAt(0) == ' ' || name.charAt(name.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean wordChar = Character.isLetterOrDigit(c);
            if (!wordChar && (c != ' ' || name.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static String normalSpacing(String s) {
        return SPACES.matcher(s.replace('’', '\'').strip()).replaceAll(" ");
    }

    /** Lazy holder: the lists load when first needed, once. */
    private static final class Holder {
        private static final Gazetteer INSTANCE = load();

        private static Gazetteer load() {
            Map<String, Entry> byKey = new HashMap<>();
            Map<String, Set<String>> spellings = new HashMap<>();
            Set<String> nationalities = new HashSet<>();
            read("gazetteer-countries.tsv", EntityType.PLACE, true, byKey, spellings, nationalities);
            read("gazetteer-places.tsv", EntityType.PLACE, false, byKey, spellings, nationalities);
            read("gazetteer-organizations.tsv", EntityType.ORGANIZATION, false, byKey, spellings, nationalities);
            return new Gazetteer(Map.copyOf(byKey), Map.copyOf(spellings), Set.copyOf(nationalities));
        }

        private static void read(String resource, EntityType type, boolean countries, Map<String, Entry> byKey,
                Map<String, Set<String>> spellings, Set<String> nationalities) {
            try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("gazetteer list " + resource + " is missing from the class path");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] columns = line.split("\t");
                    String[] names = columns[0].split("\\|");
                    String canonical = names[0].replace("~", "").strip();
                    for (String name : names) {
                        boolean ambiguous = name.startsWith("~");
                        String spelling = name.replace("~", "").strip();
                        Entry entry = new Entry(type, canonical, countries, ambiguous);
                        // The first list to name a spelling keeps it: a country before a city of the same name.
                        if (byKey.putIfAbsent(key(spelling), entry) == null && !ambiguous) {
                            spellings.computeIfAbsent(key(spelling), k -> new HashSet<>()).add(normalSpacing(spelling));
                        }
                    }
                    if (columns.length > 1) {
                        for (String nationality : columns[1].split("\\|")) {
                            nationalities.add(key(nationality));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read gazetteer list " + resource, e);
            }
        }
    }
}
