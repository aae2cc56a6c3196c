package dev.newsflow.enrich.entities;

import dev.newsflow.core.RawArticle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entity step of the enrichment: people, organizations and places of an article. English text
 * goes through the CRF tagger; then, in order: lower-case words in front of a name go, page
 * furniture goes ({@link PageFurniture}), titles leave names ({@link Honorifics}), the gazetteer
 * corrects the types general knowledge settles and adds well-known names the tagger missed, a
 * dateline's names are places ({@link DatelinePlaces}), a name has one type where a person is in
 * question ({@link DocumentTypes}), a lone surname joins its person; the feed's own entities are
 * merged in; and {@link EntityResolver} gives every entity its fullest name. Each step after the
 * tagger earned its place on the development set ({@link EntityStep} switches them for measuring).
 * Other languages get the feed's entities only, as the tagger's model knows English alone.
 * Thread-safe.
 */
public final class EntityExtractor {

    private static final Pattern WORD = Pattern.compile("\\S+");
    /** Lower-case words that belong to names ("bin", "de", "van"): not stripped from a name's start. */
    private static final Set<String> NAME_PARTICLES = Set.of("al", "bin", "ibn", "de", "del", "della", "der",
            "di", "da", "dos", "du", "el", "la", "le", "van", "von", "ter", "ten", "mc", "d'");
    /** Capitalised prepositions that open a sentence: the tagger sometimes takes one into the name after it. */
    private static final Set<String> SENTENCE_PREPOSITIONS = Set.of("In", "At", "On", "From", "By", "For", "With",
            "To", "Against", "Including", "Unlike", "After", "Before", "Under", "Into", "Like", "Near");
    /** Nouns that head "X of NAME" in news ("shares of", "officials of"), not part of the name. */
    private static final Set<String> HEAD_NOUNS = Set.of("shares", "stock", "representatives", "officials",
            "members", "executives", "analysts", "supporters", "fans", "employees", "workers", "units",
            "subsidiaries", "spokesman", "spokeswoman", "leaders", "chairman", "president", "head", "chief");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "of", "and", "to", "in", "is", "was", "for",
            "on", "said", "with", "at", "by", "from", "has", "have", "will");

    /** Text to tagged names: the CRF tagger in service, a stand-in in tests. */
    private final Function<String, List<Mention>> tagger;
    private final Gazetteer gazetteer;
    private final EntityResolver resolver;
    private final Set<EntityStep> steps;
    private final MentionRule furniture = new PageFurniture();
    private final MentionRule honorifics = new Honorifics();
    private final MentionRule sportsClubs;
    private final MentionRule datelines = new DatelinePlaces();
    private final MentionRule documentTypes = new DocumentTypes();

    EntityExtractor(Function<String, List<Mention>> tagger, Gazetteer gazetteer) {
        this(tagger, gazetteer, EnumSet.allOf(EntityStep.class));
    }

    EntityExtractor(Function<String, List<Mention>> tagger, Gazetteer gazetteer, Set<EntityStep> steps) {
        this.tagger = tagger;
        this.gazetteer = gazetteer;
        this.resolver = new EntityResolver(gazetteer, steps.contains(EntityStep.DEFINED_ACRONYMS));
        this.steps = Set.copyOf(steps);
        this.sportsClubs = new SportsClubs(gazetteer);
    }

    /**
     * The step with the process-wide tagger, loaded at the first English article, and the built-in
     * gazetteer. Every step after the tagger runs unless the system property
     * {@value EntityStep#PROPERTY} names others (see {@link EntityStep#parse}): a switch for
     * measuring what each step adds, as in {@code NEWSFLOW_JAVA_OPTS=-Dnewsflow.entities.steps=none}.
     */
    public static EntityExtractor standard() {
        return new EntityExtractor(text -> EntityTagger.shared().tag(text), Gazetteer.standard(),
                EntityStep.parse(System.getProperty(EntityStep.PROPERTY)));
    }

    /**
     * The article's entities.
     *
     * @param title    the headline, or null when the article has none of its own
     * @param body     the cleaned text
     * @param language the article's language, or null when unknown
     */
    public Entities extract(RawArticle raw, String title, String body, String language) {
        List<Mention> mentions = new ArrayList<>(feedEntities(raw));
        String text = title == null || title.isBlank() ? body : title + "\n" + body;
        if (isEnglish(language, text)) {
            mentions.addAll(fromText(text));
        }
        return steps.contains(EntityStep.RESOLVE) ? resolver.resolve(mentions, text) : EntityResolver.asTagged(mentions);
    }

    /** Feed entities come first, in the feed's order: negative offsets sort them before the text's. */
    private static List<Mention> feedEntities(RawArticle raw) {
        List<Mention> feed = new ArrayList<>();
        addFeed(feed, raw.people(), EntityType.PERSON);
        addFeed(feed, raw.organizations(), EntityType.ORGANIZATION);
        addFeed(feed, raw.places(), EntityType.PLACE);
        for (int i = 0; i < feed.size(); i++) {
            Mention m = feed.get(i);
            feed.set(i, new Mention(m.type(), m.text(), i - feed.size(), i - feed.size()));
        }
        return feed;
    }

    private static void addFeed(List<Mention> feed, List<String> names, EntityType type) {
        names.stream().filter(n -> n != null && !n.isBlank()).forEach(n -> feed.add(new Mention(type, n, -1, -1)));
    }

    /** The tagger's names with their types corrected, plus known names it missed. */
    List<Mention> fromText(String text) {
        List<Mention> mentions = tagger.apply(text).stream()
                .map(m -> steps.contains(EntityStep.TRIM) ? trimmed(m) : m).toList();
        mentions = apply(EntityStep.FURNITURE, furniture, mentions, text);
        mentions = apply(EntityStep.HONORIFICS, honorifics, mentions, text);
        List<Mention> kept = new ArrayList<>();
        for (Mention m : mentions) {
            if (steps.contains(EntityStep.GAZETTEER_TYPES)) {
                corrected(m).ifPresent(kept::add);
            } else if (m.type() != EntityType.MISC) {
                kept.add(m);
            }
        }
        if (steps.contains(EntityStep.GAZETTEER_NAMES)) {
            kept.addAll(missedByTagger(gazetteer.find(text), mentions));
        }
        kept.sort((a, b) -> Integer.compare(a.start(), b.start()));
        kept = apply(EntityStep.SPORTS_CLUBS, sportsClubs, kept, text);
        kept = apply(EntityStep.DATELINES, datelines, kept, text);
        kept = apply(EntityStep.DOCUMENT_TYPES, documentTypes, kept, text);
        return steps.contains(EntityStep.SURNAMES) ? surnamesToPeople(kept) : kept;
    }

    private List<Mention> apply(EntityStep step, MentionRule rule, List<Mention> mentions, String text) {
        return steps.contains(step) ? rule.apply(mentions, text) : mentions;
    }

    /**
     * The known names no tagged mention overlaps. Both lists are in text order and neither overlaps
     * itself, so one sweep finds the overlaps: trying every pair would be quadratic in a long text.
     */
    private static List<Mention> missedByTagger(List<Gazetteer.Found> found, List<Mention> tagged) {
        List<Mention> missed = new ArrayList<>();
        int t = 0;
        for (Gazetteer.Found f : found) {
            while (t < tagged.size() && tagged.get(t).end() <= f.start()) {
                t++;
            }
            if (t == tagged.size() || tagged.get(t).start() >= f.end()) {
                missed.add(new Mention(f.entry().type(), f.spelling(), f.start(), f.end()));
            }
        }
        return missed;
    }

    /** The mention with its type as general knowledge has it, or empty when it names no person, organization or place. */
    private Optional<Mention> corrected(Mention m) {
        String name = EntityResolver.clean(m.text());
        Optional<Gazetteer.Entry> known = gazetteer.entry(name);
        if (known.isPresent()) {
            Gazetteer.Entry entry = known.get();
            if (entry.ambiguous()) {
                // "Jordan", "Gulf", "Fed": the tagger's reading of the sentence beats the list's.
                return m.type() == EntityType.MISC ? Optional.empty() : Optional.of(m);
            }
            // A city may stand for its sports club ("Chicago beat Boston"), so only a country overrules "organization".
            boolean club = m.type() == EntityType.ORGANIZATION && entry.type() == EntityType.PLACE && !entry.country();
            return Optional.of(club ? m : m.as(entry.type()));
        }
        if (m.type() == EntityType.MISC || gazetteer.isNationality(name)) {
            return Optional.empty();
        }
        return Optional.of(m);
    }

    /**
     * The mention without the words the tagger sometimes takes in front of a name: lower-case words
     * ("in Milwaukee"), a preposition that starts the sentence ("In Milwaukee"), a noun that heads
     * the name with "of" ("Shares of Douglas & Lomason Co", "Representatives of First Bank"), or a
     * "St. Louis-based" in front of a company.
     */
    private Mention trimmed(Mention m) {
        String text = m.text();
        int based = text.lastIndexOf("-based ");
        int cut = based < 0 ? 0 : based + "-based ".length();
        Matcher words = WORD.matcher(text);
        words.region(cut, text.length());
        boolean first = true;
        while (words.find() && words.end() < text.length()) {
            String word = words.group();
            boolean lowerWord = Character.isLowerCase(word.codePointAt(0))
                    && !NAME_PARTICLES.contains(word.toLowerCase(Locale.ROOT).replaceAll("-.*", ""));
            boolean leading = first && (SENTENCE_PREPOSITIONS.contains(word)
                    || HEAD_NOUNS.contains(word.toLowerCase(Locale.ROOT)) && text.startsWith(" of ", words.end()));
            if (!lowerWord && !leading && !word.endsWith("-based")) {
                break;
            }
            cut = words.end();
            first = false;
        }
        if (cut == 0) {
            return m;
        }
        String rest = text.substring(cut);
        int skipped = cut + (rest.length() - rest.stripLeading().length());
        return new Mention(m.type(), rest.strip(), m.start() + skipped, m.end());
    }

    /**
     * A lone surname the tagger typed otherwise ("Ozalan" as an organization) goes to the person of
     * that name in the article. Other type differences stay: a city is a place in one sentence and
     * its club in the next ("at Chicago", "Chicago 5 Boston 3").
     */
    private List<Mention> surnamesToPeople(List<Mention> mentions) {
        Set<String> personParts = new HashSet<>();
        for (Mention m : mentions) {
            String[] words = Gazetteer.key(EntityResolver.clean(m.text())).split(" ");
            if (m.type() == EntityType.PERSON && words.length > 1) {
                personParts.add(words[0]);
                personParts.add(words[words.length - 1]);
            }
        }
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) {
            String key = Gazetteer.key(EntityResolver.clean(m.text()));
            boolean surname = m.type() != EntityType.PERSON && !key.contains(" ") && personParts.contains(key)
                    && gazetteer.entry(key).isEmpty();
            out.add(surname ? m.as(EntityType.PERSON) : m);
        }
        return out;
    }

    /** English by the article's language, or, where that is unknown (a very short text), by its common words. */
    static boolean isEnglish(String language, String text) {
        if (language != null) {
            return language.equals("en");
        }
        Matcher words = Pattern.compile("\\p{L}+").matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            if (ENGLISH_WORDS.contains(words.group())) {
                return true;
            }
        }
        return false;
    }
}
