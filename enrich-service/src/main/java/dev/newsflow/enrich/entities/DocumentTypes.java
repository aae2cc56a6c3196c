package dev.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One name, one type within an article, where a person is in question. The tagger decides each
 * mention from a few words around it, so "Ogun Temizkanoglu" may be a person in one sentence and
 * an organization in the next, or "Magna" a person in one and a company in another; the article
 * means one of them. Such a name takes the type most of its mentions have (a tie changes nothing).
 * Before the vote, a one-word "person" that is the first or last word of the article's
 * organizations only is a short form of one of them ("Magna" after "Magna International", "Jones"
 * after "Dow Jones").
 *
 * <p>A name read as a place in some sentences and as an organization in others keeps both: that is
 * usually a city and its club ("at New York", "New York 5 Boston 3"), two entities an article may
 * well name both. (Voting them cost recall on the development set.) A one-word short form of a
 * person's name is {@link EntityExtractor}'s surname rule.
 */
final class DocumentTypes implements MentionRule {

    @Override
    public List<Mention> apply(List<Mention> mentions, String text) {
        Map<String, EntityType> longForms = longFormWords(mentions);
        List<Mention> typed = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            String key = key(m);
            boolean companyWord = m.type() == EntityType.PERSON && !key.contains(" ")
                    && longForms.get(key) == EntityType.ORGANIZATION;
            typed.add(companyWord ? m.as(EntityType.ORGANIZATION) : m);
        }
        Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
        for (Mention m : typed) {
            votes.computeIfAbsent(key(m), k -> new EnumMap<>(EntityType.class)).merge(m.type(), 1, Integer::sum);
        }
        List<Mention> out = new ArrayList<>(typed.size());
        for (Mention m : typed) {
            Map<EntityType, Integer> v = votes.get(key(m));
            out.add(v.size() > 1 && v.containsKey(EntityType.PERSON) ? m.as(majority(v, m.type())) : m);
        }
        return out;
    }

    /**
     * The first and last words of the article's longer names, each with the type of those names,
     * or null where longer names of different types share the word.
     */
    private static Map<String, EntityType> longFormWords(List<Mention> mentions) {
        Map<String, EntityType> words = new HashMap<>();
        for (Mention m : mentions) {
            String[] parts = key(m).split(" ");
            if (parts.length > 1) {
                for (String word : new String[] {parts[0], parts[parts.length - 1]}) {
                    if (words.containsKey(word) && words.get(word) != m.type()) {
                        words.put(word, null);
                    } else {
                        words.put(word, m.type());
                    }
                }
            }
        }
        return words;
    }

    /** The type with the most votes, or the mention's own where another type has as many. */
    static EntityType majority(Map<EntityType, Integer> votes, EntityType own) {
        int ownVotes = votes.getOrDefault(own, 0);
        EntityType best = own;
        int bestVotes = ownVotes;
        for (Map.Entry<EntityType, Integer> v : votes.entrySet()) {
            if (v.getValue() > bestVotes) {
                best = v.getKey();
                bestVotes = v.getValue();
            }
        }
        return countAt(votes, bestVotes) > 1 ? own : best;
    }

    private static long countAt(Map<EntityType, Integer> votes, int n) {
        return votes.values().stream().filter(v -> v == n).count();
    }

    private static String key(Mention m) {
        return Gazetteer.key(EntityResolver.clean(m.text()));
    }
}
