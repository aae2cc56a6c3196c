package dev.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A city named as a side in sports copy is its club: "Norwich striker Keith O'Neill", "French
 * first division side Nice", "who played for Nice". The tagger reads the word as the place it is in
 * most sentences. A place becomes an organization where a player's position or a coach follows it,
 * or "side", "team", "club" or "played for" comes before it. Countries stay places: a national team
 * is written as its country ("England captain Will Carling").
 */
final class SportsClubs implements MentionRule {

    /** Words after a club's name: the roles of its people. */
    private static final Set<String> ROLES = Set.of("striker", "strikers", "midfielder", "midfielders", "defender",
            "defenders", "goalkeeper", "keeper", "forward", "forwards", "winger", "sweeper", "playmaker",
            "fullback", "full-back", "centre-back", "coach", "manager", "chairman", "skipper");
    /** Words before a club's name. */
    private static final Set<String> SIDES = Set.of("side", "team", "club", "champions", "outfit");
    private static final Set<String> VERBS_FOR = Set.of("played", "plays", "playing", "signed", "joins");
    private static final int MAX_WORD = 20;
    private final Gazetteer gazetteer;

    SportsClubs(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public List<Mention> apply(List<Mention> mentions, String text) {
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            boolean club = m.type() == EntityType.PLACE && m.start() >= 0 && clubContext(text, m) && !isCountry(m);
            out.add(club ? m.as(EntityType.ORGANIZATION) : m);
        }
        return out;
    }

    private static boolean clubContext(String text, Mention m) {
        String next = wordAfter(text, m.end());
        if (ROLES.contains(next)) {
            return true;
        }
        int before = wordStartBefore(text, m.start());
        String previous = text.substring(before, wordEndBefore(text, m.start())).toLowerCase(Locale.ROOT);
        if (SIDES.contains(previous)) {
            return true;
        }
        if (previous.equals("for")) {
            int verbEnd = wordEndBefore(text, before);
            String verb = text.substring(wordStartBefore(text, before), verbEnd).toLowerCase(Locale.ROOT);
            return VERBS_FOR.contains(verb);
        }
        return false;
    }

    private boolean isCountry(Mention m) {
        return gazetteer.entry(EntityResolver.clean(m.text())).map(Gazetteer.Entry::country).orElse(false);
    }

    /** The lower-case word after the offset, past one space; empty when none. */
    static String wordAfter(String text, int end) {
        int at = end < text.length() && text.charAt(end) == ' ' ? end + 1 : end;
        int stop = at;
        while (stop < text.length() && stop - at < MAX_WORD
                && (Character.isLetter(text.charAt(stop)) || text.charAt(stop) == '-')) {
            stop++;
        }
        return text.substring(at, stop).toLowerCase(Locale.ROOT);
    }

    /** The end of the word before the offset, past one space. */
    private static int wordEndBefore(String text, int start) {
        return start > 0 && text.charAt(start - 1) == ' ' ? start - 1 : start;
    }

    /** The start of the word before the offset, past one space; the offset itself when none. */
    private static int wordStartBefore(String text, int start) {
        int end = wordEndBefore(text, start);
        int at = end;
        while (at > 0 && end - at < MAX_WORD && Character.isLetter(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }
}
