package dev.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Titles are not part of a name, and a title makes the name after it a person. "Mr Putin", "Dr.
 * Smith", "President Xi Jinping" are published as "Putin", "Smith", "Xi Jinping"; a name the tagger
 * read as a place or an organization right after "President" or "Prime Minister" is a person
 * ("Prime Minister Tansu Ciller", "President Clinton" where the tagger saw a place).
 */
final class Honorifics implements MentionRule {

    /** Titles written before a person's name, lower case, without their dot. */
    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
            "president", "vice-president", "premier", "chancellor", "senator", "sen", "rep", "gov", "governor",
            "general", "gen", "col", "colonel", "capt", "captain", "lt", "sgt", "judge", "justice", "minister",
            "secretary", "ambassador", "pope", "cardinal", "archbishop", "bishop", "rev", "reverend", "father",
            "sheikh", "ayatollah", "mayor", "coach", "chairman", "chairwoman", "spokesman", "spokeswoman", "envoy");
    /** Longest span of text looked at before a name for a title ("Prime Minister " and a little). */
    private static final int LOOK_BACK = 24;

    @Override
    public List<Mention> apply(List<Mention> mentions, String text) {
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            Mention stripped = m.type() == EntityType.PERSON ? withoutTitles(m) : m;
            if (stripped == null) {
                continue;
            }
            boolean titled = m.type() != EntityType.PERSON && m.type() != EntityType.MISC && m.start() >= 0
                    && titleBefore(text, m.start()) && !m.text().contains(" of ");
            out.add(titled ? stripped.as(EntityType.PERSON) : stripped);
        }
        return out;
    }

    /** The mention without the titles in front, or null when it is titles only ("Mr"). */
    static Mention withoutTitles(Mention m) {
        String s = m.text();
        int cut = 0;
        while (true) {
            int end = cut;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            String word = s.substring(cut, end);
            if (!isTitle(word) && !(word.equalsIgnoreCase("prime") && s.startsWith(" Minister", end))) {
                break;
            }
            cut = end;
            while (cut < s.length() && Character.isWhitespace(s.charAt(cut))) {
                cut++;
            }
            if (cut >= s.length()) {
                return null;
            }
        }
        return cut == 0 ? m : new Mention(m.type(), s.substring(cut), m.start() + cut, m.end());
    }

    /** A capitalised title word right before the offset ("President Clinton", "Prime Minister Ciller"). */
    static boolean titleBefore(String text, int start) {
        int end = start;
        while (end > 0 && start - end < 2 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == start) {
            return false;
        }
        int begin = end;
        while (begin > 0 && end - begin < LOOK_BACK && (Character.isLetter(text.charAt(begin - 1))
                || text.charAt(begin - 1) == '.' || text.charAt(begin - 1) == '-')) {
            begin--;
        }
        String word = text.substring(begin, end);
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && isTitle(word);
    }

    private static boolean isTitle(String word) {
        String w = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        return !w.isEmpty() && Character.isUpperCase(w.charAt(0)) && TITLES.contains(w.toLowerCase(Locale.ROOT));
    }
}
