package dev.newsflow.e2e;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Short wire stories, 60 to 150 words, made up from a seeded generator: a dateline, named people,
 * organisations and places for the entity tagger, and sentences varied enough that two stories are
 * not near-duplicates of each other. Short, because enrichment's entity tagger is the pipeline's
 * bottleneck and a fault test wants a stream the pipeline keeps up with when no fault is on.
 */
final class StoryText {

    private static final List<String> PLACES = List.of("Samarkand", "Rotterdam", "Valparaiso", "Tromso", "Lagos",
            "Hanoi", "Cordoba", "Tbilisi", "Winnipeg", "Mombasa", "Krakow", "Osaka", "Porto", "Dakar", "Quito");
    private static final List<String> PEOPLE = List.of("Amina Okafor", "Lars Henriksen", "Mei Tanaka",
            "Jorge Almeida", "Nadia Petrova", "Samuel Mensah", "Ines Duarte", "Tomas Novak", "Leila Haddad",
            "Ravi Menon", "Clara Hoffmann", "Omar Farouk");
    private static final List<String> ORGANISATIONS = List.of("the port authority", "the city council",
            "the national rail company", "the water board", "the health ministry", "the farmers' union",
            "the central bank", "the weather service", "the university hospital", "the football federation");
    private static final List<String> SUBJECTS = List.of("the harbour", "a new rail line", "the spring floods",
            "grain exports", "the night buses", "a hospital wing", "the fishing quota", "a bridge repair",
            "the school year", "power prices", "the airport runway", "a river crossing", "wind turbines");
    private static final List<String> VERBS = List.of("announced", "delayed", "approved", "criticised", "opened",
            "inspected", "reviewed", "funded", "suspended", "defended", "questioned", "welcomed");
    private static final List<String> DETAILS = List.of("after talks that lasted late into the night",
            "despite objections from residents", "ahead of the winter season", "under a plan agreed last year",
            "at a cost officials did not disclose", "following a report by independent engineers",
            "while unions called for more consultation", "as traders watched prices closely",
            "in a statement on its website", "during a visit to the district");
    /** The dateline and its dash, which a copy keeps. */
    private static final int DATELINE_WORDS = 2;
    private static final int EDITED_WORDS = 2;

    private StoryText() {
    }

    /** A headline for the story numbered {@code serial}, unique within a run because of the serial. */
    static String title(RandomGenerator random, String serial) {
        return pick(random, PLACES) + ": plan for " + pick(random, SUBJECTS) + " " + pick(random, VERBS)
                + " (" + serial + ")";
    }

    /** A body of about 60 to 150 words opening with a dateline. */
    static String body(RandomGenerator random) {
        // The last sentence (up to about 25 words) overshoots the target, so targets stop at 130.
        int words = 60 + random.nextInt(71);
        StringBuilder body = new StringBuilder(pick(random, PLACES).toUpperCase(Locale.ROOT)).append(" — ");
        while (wordCount(body) < words) {
            body.append(sentence(random)).append(' ');
        }
        return body.toString().strip();
    }

    /**
     * The body as a second agency re-sends it: two words after the dateline replaced, a different text that
     * dedup's MinHash still finds close to the first: on these bodies an estimated similarity of 0.88 on
     * average and 0.69 at the lowest in 1,000 tries (the threshold is 0.5), a shared LSH band in all of 20,000.
     */
    static String edited(RandomGenerator random, String body) {
        String[] words = body.split(" ");
        for (int i = 0; i < EDITED_WORDS; i++) {
            words[DATELINE_WORDS + random.nextInt(words.length - DATELINE_WORDS)] = "reportedly";
        }
        return String.join(" ", words);
    }

    private static String sentence(RandomGenerator random) {
        return switch (random.nextInt(4)) {
            case 0 -> capitalised(pick(random, ORGANISATIONS)) + " " + pick(random, VERBS) + " " + pick(random, SUBJECTS)
                    + " " + pick(random, DETAILS) + ".";
            case 1 -> pick(random, PEOPLE) + ", who speaks for " + pick(random, ORGANISATIONS) + " in "
                    + pick(random, PLACES) + ", said " + pick(random, SUBJECTS) + " would be " + pick(random, VERBS)
                    + " within " + (2 + random.nextInt(20)) + " weeks.";
            case 2 -> "Officials in " + pick(random, PLACES) + " " + pick(random, VERBS) + " " + pick(random, SUBJECTS)
                    + ", and " + pick(random, PEOPLE) + " " + pick(random, VERBS) + " the decision "
                    + pick(random, DETAILS) + ".";
            default -> "About " + (100 + random.nextInt(9900)) + " people were affected by " + pick(random, SUBJECTS)
                    + " " + pick(random, DETAILS) + ", " + pick(random, PEOPLE) + " said.";
        };
    }

    private static int wordCount(CharSequence text) {
        return text.toString().split("\\s+").length;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String pick(RandomGenerator random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
