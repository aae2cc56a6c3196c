package dev.newsflow.bench;

import java.util.List;
import java.util.Random;

/**
 * The names and sentence patterns the corpus is written from. The names are invented but shaped
 * like real ones (two-part personal names, "Ministry of ...", "... Group"), so the CRF tagger
 * works on them as it would on wire copy; the sentences are the usual furniture of news prose.
 */
final class Vocabulary {

    static final List<String> PEOPLE = List.of("Maria Lindqvist", "Tomasz Nowak", "Aiko Tanaka", "Samuel Okafor",
            "Elena Petrova", "Rafael Mendes", "Priya Raman", "Jonas Weber", "Claire Dubois", "Ahmed Haddad",
            "Grace Mwangi", "Lucas Ferreira", "Hannah Becker", "Diego Alvarez", "Mei Chen", "Olga Ivanova",
            "Kwame Mensah", "Sofia Rossi", "Daniel Cohen", "Fatima Zahra", "Erik Johansson", "Isabel Ortega",
            "Victor Lebrun", "Anna Kowalska", "Henrik Dahl", "Laura Conti", "Yusuf Demir", "Chloe Martin",
            "Ravi Kapoor", "Nadia Benali");
    static final List<String> PLACES = List.of("Lisbon", "Nairobi", "Osaka", "Toronto", "Warsaw", "Brasilia",
            "Geneva", "Jakarta", "Lagos", "Madrid", "Oslo", "Cairo", "Santiago", "Hanoi", "Vienna", "Dublin",
            "Casablanca", "Melbourne", "Athens", "Bogota", "Kenya", "Poland", "Brazil", "Norway", "Chile",
            "Indonesia", "Portugal", "Egypt");
    static final List<String> ORGANIZATIONS = List.of("the World Bank", "Northwind Energy",
            "the European Commission", "Harbor Logistics Group", "the International Monetary Fund",
            "Atlas Shipping Co", "the United Nations", "Meridian Health Trust", "the Ministry of Finance",
            "Solaris Motors", "the Central Bank", "Bluewater Mining Corp", "the Red Cross", "Kestrel Airlines",
            "the Federal Court", "Orion Telecom", "the National Statistics Office", "Granite Capital Partners");
    static final List<String> REPORTERS = List.of("Ines Moreau", "Paul Anders", "Keiko Sato", "Oluwaseun Ade",
            "Marta Silva", "Jacob Stein");
    static final List<String> SUBJECTS = List.of("politics", "economy", "business", "health", "environment",
            "technology", "sport", "crime", "education", "culture");

    private static final List<String> SENTENCES = List.of(
            "%1$s told reporters in %2$s on Tuesday that talks with %3$s would resume next month.",
            "The agreement, which %1$s described as a turning point, covers ports, rail links and power lines in %2$s.",
            "Officials at %3$s said the plan would cost more than 4 billion dollars over the next decade.",
            "Critics in %2$s argued that the deal favoured large companies, and %3$s promised a review by the end of the year.",
            "Shares in %3$s rose 3 percent after the announcement, while bond yields in %2$s fell slightly.",
            "Speaking after a meeting with %3$s, %1$s said both sides had made progress on the most difficult questions.",
            "Analysts expect inflation to ease as energy prices fall, although food costs in %2$s remain high.",
            "A spokesperson for %3$s declined to comment on the report, saying only that discussions were continuing.",
            "Thousands of people gathered in central %2$s on Saturday, calling on %3$s to act before the winter.",
            "%1$s, who joined %3$s in 2019, has overseen a sharp rise in investment across %2$s.",
            "The figures, published by %3$s on Monday, showed unemployment in %2$s at its lowest level since 2008.",
            "In a statement, %1$s said the company would keep its headquarters in %2$s for at least five more years.",
            "Police in %2$s said two people had been detained and that an investigation by %3$s was under way.",
            "The court in %2$s will hear the case in March, and %1$s is expected to give evidence.",
            "Researchers working with %3$s found that the new treatment cut hospital stays by a third.",
            "%1$s won the final in %2$s in straight sets, her third title of the season.",
            "Heavy rain forced the closure of schools and roads across %2$s, and %3$s warned of further flooding.",
            "Asked whether %3$s would raise its forecast, %1$s said it was too early to tell.");
    private static final List<String> HEADLINES = List.of(
            "%1$s says talks with %3$s to resume",
            "%2$s braces for cost of %3$s plan",
            "%3$s under pressure in %2$s",
            "%1$s promises review as protests grow in %2$s",
            "Markets in %2$s react to %3$s figures",
            "%1$s and %3$s reach deal on %2$s ports");

    String sentence(Random random, String person, String place, String organization) {
        return capitalized(String.format(SENTENCES.get(random.nextInt(SENTENCES.size())), person, place, organization));
    }

    String headline(Random random, String person, String place, String organization) {
        return capitalized(String.format(HEADLINES.get(random.nextInt(HEADLINES.size())), person, place,
                organization.replaceFirst("^the ", "")));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
