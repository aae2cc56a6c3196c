package dev.newsflow.enrich.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the subjects a feed sent ({@code RawArticle.subjects}) as {@link NewsTopic}s: IPTC Media
 * Topic and Subject Code qcodes ({@code medtop:11000000}, {@code subj:15054000}), their URIs
 * ({@code http://cv.iptc.org/newscodes/mediatopic/11000000}), bare eight-digit codes, and the
 * plain names feeds use ("Politics", "economy, business and finance", "sports").
 *
 * <p>Subject Codes and the Media Topics carried over from them are hierarchical: the first two
 * digits name the top-level topic. Media Topics created since (2000xxxx) are numbered in sequence,
 * so their top level can only be looked up; {@link #NARROWER} holds the few known here, and any
 * other such code is left to the classifier rather than guessed.
 */
final class SubjectCodes {

    /** Scheme and code of a qcode or an IPTC URI; the scheme decides nothing, as both share the heads. */
    private static final Pattern CODE = Pattern.compile(
            "^(?:(?:medtop|subj|iptc|subject|mediatopic|subjectcode):|https?://cv\\.iptc\\.org/newscodes/(?:mediatopic|subjectcode)/)?(\\d{8})/?$");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Media Topics numbered 2000xxxx whose top level is known: narrower concept → top-level head. */
    private static final Map<String, Integer> NARROWER = Map.of(
            "20000002", 1,  // arts and entertainment
            "20000003", 1,  // animation, under arts and entertainment
            "20000038", 1,  // culture
            "20000045", 1); // mass media

    private static final Map<String, NewsTopic> NAMES = names();

    private SubjectCodes() {
    }

    /** The topics the subjects name, in the feed's order, without repeats. */
    static List<NewsTopic> topics(List<String> subjects) {
        Set<NewsTopic> topics = new LinkedHashSet<>();
        for (String subject : subjects) {
            topic(subject).ifPresent(topics::add);
        }
        return new ArrayList<>(topics);
    }

    /** The top-level topic one subject names, if it names one. */
    static Optional<NewsTopic> topic(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        String s = subject.strip().toLowerCase(Locale.ROOT);
        Matcher code = CODE.matcher(s);
        if (code.matches()) {
            return ofCode(code.group(1));
        }
        return Optional.ofNullable(NAMES.get(normalizeName(s)));
    }

    private static Optional<NewsTopic> ofCode(String code) {
        Integer narrower = NARROWER.get(code);
        int head = narrower != null ? narrower : Integer.parseInt(code.substring(0, 2));
        return Optional.ofNullable(NewsTopic.ofCode(head));
    }

    private static String normalizeName(String name) {
        return NOT_ALPHANUMERIC.matcher(name.replace("&", " and ")).replaceAll(" ").strip();
    }

    /** The names of each topic: its id, its IPTC labels old and new, and the short forms feeds use. */
    private static Map<String, NewsTopic> names() {
        Map<String, NewsTopic> names = new HashMap<>();
        add(names, NewsTopic.ARTS_CULTURE_ENTERTAINMENT, "arts, culture and entertainment",
                "arts, culture, entertainment and media", "arts and entertainment", "arts", "culture", "entertainment");
        add(names, NewsTopic.CRIME_LAW_JUSTICE, "crime, law and justice", "crime", "law", "justice", "crime and justice");
        add(names, NewsTopic.DISASTER_ACCIDENT, "disaster and accident", "disaster, accident and emergency incident",
                "disasters and accidents", "disaster", "disasters", "accident", "accidents");
        add(names, NewsTopic.ECONOMY_BUSINESS_FINANCE, "economy, business and finance", "business and finance",
                "economy", "business", "finance", "markets");
        add(names, NewsTopic.EDUCATION, "education");
        add(names, NewsTopic.ENVIRONMENT, "environment", "environmental issue", "environmental issues");
        add(names, NewsTopic.HEALTH, "health");
        add(names, NewsTopic.HUMAN_INTEREST, "human interest");
        add(names, NewsTopic.LABOUR, "labour", "labor");
        add(names, NewsTopic.LIFESTYLE_LEISURE, "lifestyle and leisure", "lifestyle", "leisure");
        add(names, NewsTopic.POLITICS, "politics", "politics and government", "government", "political");
        add(names, NewsTopic.RELIGION, "religion", "religion and belief", "religion and belief(s)", "religion and beliefs");
        add(names, NewsTopic.SCIENCE_TECHNOLOGY, "science and technology", "science", "technology", "tech");
        add(names, NewsTopic.SOCIETY, "society", "social issue", "social issues");
        add(names, NewsTopic.SPORT, "sport", "sports");
        add(names, NewsTopic.CONFLICT_WAR, "conflict, war and peace", "unrest, conflicts and war", "conflict",
                "conflicts", "war");
        add(names, NewsTopic.WEATHER, "weather");
        return Map.copyOf(names);
    }

    private static void add(Map<String, NewsTopic> names, NewsTopic topic, String... labels) {
        names.put(normalizeName(topic.id()), topic);
        for (String label : labels) {
            names.put(normalizeName(label), topic);
        }
    }
}
