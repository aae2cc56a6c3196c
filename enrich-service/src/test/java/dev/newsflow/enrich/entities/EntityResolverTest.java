package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityResolverTest {

    private final EntityResolver resolver = new EntityResolver(Gazetteer.standard());

    /** The mentions of the names in the text, found where the text writes them, in order. */
    private static List<Mention> mentions(String text, EntityType type, String... names) {
        List<Mention> out = new ArrayList<>();
        int from = 0;
        for (String name : names) {
            int start = text.indexOf(name, from);
            out.add(new Mention(type, name, start, start + name.length()));
            from = start + 1;
        }
        return out;
    }

    @Test
    void surnameAfterTheFullNameIsTheFullName() {
        String text = "Vladimir Putin spoke. Later Putin left.";

        Entities entities = resolver.resolve(mentions(text, EntityType.PERSON, "Vladimir Putin", "Putin"), text);

        assertThat(entities.people()).containsExactly("Vladimir Putin");
    }

    @Test
    void shortFormBeforeTheFullNameStillMapsAndKeepsItsPlace() {
        String text = "Xi met Modi. Xi Jinping said little. Narendra Modi spoke.";

        Entities entities = resolver.resolve(
                mentions(text, EntityType.PERSON, "Xi", "Modi", "Xi Jinping", "Narendra Modi"), text);

        assertThat(entities.people()).containsExactly("Xi Jinping", "Narendra Modi");
    }

    @Test
    void shortFormOfTwoDifferentPeopleStaysAsWritten() {
        String text = "Hillary Clinton and Bill Clinton came. Clinton spoke.";

        Entities entities = resolver.resolve(
                mentions(text, EntityType.PERSON, "Hillary Clinton", "Bill Clinton", "Clinton"), text);

        assertThat(entities.people()).containsExactly("Hillary Clinton", "Bill Clinton", "Clinton");
    }

    @Test
    void acronymDefinedInTheTextIsTheLongName() {
        String text = "The Shanghai Cooperation Organisation (SCO) met. The SCO is young.";
        List<Mention> mentions = new ArrayList<>(mentions(text, EntityType.ORGANIZATION, "Shanghai Cooperation Organisation"));
        mentions.addAll(mentions(text, EntityType.ORGANIZATION, "SCO", "SCO"));

        assertThat(resolver.resolve(mentions, text).organizations()).containsExactly("Shanghai Cooperation Organisation");
    }

    @Test
    void definedAcronymTakesTheLongNamesTypeWhateverTheTaggerSaid() {
        String text = "The Kurdistan Democratic Party ( KDP ) said the KDP would talk.";
        List<Mention> mentions = new ArrayList<>(mentions(text, EntityType.ORGANIZATION, "Kurdistan Democratic Party"));
        mentions.addAll(mentions(text, EntityType.PLACE, "KDP"));

        Entities entities = resolver.resolve(mentions, text);

        assertThat(entities.organizations()).containsExactly("Kurdistan Democratic Party");
        assertThat(entities.places()).isEmpty();
    }

    @Test
    void acronymMerelyMatchingTheInitialsOfAnOrganizationStaysAsWritten() {
        String text = "The European Union and NATO met. The EU and the North Atlantic Treaty Organization agreed.";
        List<Mention> mentions = mentions(text, EntityType.ORGANIZATION,
                "European Union", "NATO", "EU", "North Atlantic Treaty Organization");

        assertThat(resolver.resolve(mentions, text).organizations())
                .containsExactly("European Union", "NATO", "EU", "North Atlantic Treaty Organization");
    }

    @Test
    void bracketAfterANameThatDoesNotSpellItOutDefinesNothing() {
        String text = "Linda Wild ( U.S. ) beat Barbara Rittner ( Germany ).";
        List<Mention> mentions = new ArrayList<>(mentions(text, EntityType.PERSON, "Linda Wild", "Barbara Rittner"));
        mentions.addAll(mentions(text, EntityType.PLACE, "U.S.", "Germany"));

        Entities entities = resolver.resolve(mentions, text);

        assertThat(entities.people()).containsExactly("Linda Wild", "Barbara Rittner");
        assertThat(entities.places()).containsExactly("U.S.", "Germany");
    }

    @Test
    void possessivesAndALeadingTheGo() {
        String text = "Russia's army and the European Union's rules; Reuters' report; the Netherlands.";
        List<Mention> mentions = new ArrayList<>(mentions(text, EntityType.PLACE, "Russia's"));
        mentions.addAll(mentions(text, EntityType.ORGANIZATION, "the European Union's", "Reuters'"));
        mentions.addAll(mentions(text, EntityType.PLACE, "the Netherlands"));

        Entities entities = resolver.resolve(mentions, text);

        assertThat(entities.places()).containsExactly("Russia", "Netherlands");
        assertThat(entities.organizations()).containsExactly("European Union", "Reuters");
    }

    @Test
    void aCapitalTheStaysWhereItIsPartOfTheName() {
        String text = "They played at The Oval. The Netherlands won.";
        List<Mention> mentions = mentions(text, EntityType.PLACE, "The Oval", "The Netherlands");

        assertThat(resolver.resolve(mentions, text).places()).containsExactly("The Oval", "Netherlands");
    }

    @Test
    void repeatsCollapseIgnoringCaseAndPreferMixedCase() {
        String text = "PUTIN IN CHINA\nPutin arrived in China. putin";
        List<Mention> mentions = mentions(text, EntityType.PERSON, "PUTIN", "Putin");

        assertThat(resolver.resolve(mentions, text).people()).containsExactly("Putin");
    }

    @Test
    void namesKeepTheOrderOfFirstMention() {
        String text = "Kazakhstan, then Uzbekistan, then Kazakhstan again and China.";
        List<Mention> mentions = mentions(text, EntityType.PLACE, "Kazakhstan", "Uzbekistan", "Kazakhstan", "China");

        assertThat(resolver.resolve(mentions, text).places()).containsExactly("Kazakhstan", "Uzbekistan", "China");
    }

    @Test
    void twoKnownPlacesAreNotShortAndLongFormsOfOneAnother() {
        String text = "Sudan and South Sudan signed.";
        List<Mention> mentions = mentions(text, EntityType.PLACE, "Sudan", "South Sudan");

        assertThat(resolver.resolve(mentions, text).places()).containsExactly("Sudan", "South Sudan");
    }

    @Test
    void shortFormMapsOnlyWithinItsType() {
        String text = "George Washington was born near Washington.";
        List<Mention> mentions = new ArrayList<>(mentions(text, EntityType.PERSON, "George Washington"));
        int at = text.lastIndexOf("Washington");
        mentions.add(new Mention(EntityType.PLACE, "Washington", at, at + "Washington".length()));

        Entities entities = resolver.resolve(mentions, text);

        assertThat(entities.people()).containsExactly("George Washington");
        assertThat(entities.places()).containsExactly("Washington");
    }

    @Test
    void anAcronymSpellsOutANameWhoseLettersItTakesInOrder() {
        assertThat(EntityResolver.spellsOut("OPEC", "Organization of the Petroleum Exporting Countries")).isTrue();
        assertThat(EntityResolver.spellsOut("SCO", "Shanghai Cooperation Organisation")).isTrue();
        assertThat(EntityResolver.spellsOut("U.S.", "Linda Wild")).isFalse();
        assertThat(EntityResolver.spellsOut("KDP", "Democratic Party of Kurdistan")).isFalse();
    }

    @Test
    void cleaningALongRunOfPunctuationIsLinear() {
        String run = "-".repeat(200_000);
        long started = System.nanoTime();

        assertThat(EntityResolver.clean("Acme " + run + " Corp" + run)).isEqualTo("Acme " + run + " Corp");
        assertThat(EntityResolver.clean(run + "the the Acme's" + run)).isEqualTo("Acme");
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }
}
