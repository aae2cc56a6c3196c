package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules after the tagger, each on a small hand-written text with the mentions a tagger might give. */
class MentionRulesTest {

    /** The mentions of the given names, in order of first occurrence, each at its first occurrence from {@code from}. */
    private static List<Mention> at(String text, Object... typeAndName) {
        List<Mention> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < typeAndName.length; i += 2) {
            String name = (String) typeAndName[i + 1];
            int start = text.indexOf(name, from);
            out.add(new Mention((EntityType) typeAndName[i], name, start, start + name.length()));
            from = start + name.length();
        }
        return out;
    }

    @Test
    void mostMentionsDecideANamesTypeWhereAPersonIsInQuestion() {
        String text = "Ogun Temizkanoglu scored. Ogun Temizkanoglu left. Ogun Temizkanoglu won.";
        List<Mention> mentions = at(text, EntityType.PERSON, "Ogun Temizkanoglu", EntityType.ORGANIZATION,
                "Ogun Temizkanoglu", EntityType.PERSON, "Ogun Temizkanoglu");

        assertThat(new DocumentTypes().apply(mentions, text)).extracting(Mention::type).containsOnly(EntityType.PERSON);
    }

    @Test
    void aCityAndItsClubKeepBothTypes() {
        String text = "New York 5 Boston 3. The series moves to New York.";
        List<Mention> mentions = at(text, EntityType.ORGANIZATION, "New York", EntityType.ORGANIZATION, "Boston",
                EntityType.PLACE, "New York");

        assertThat(new DocumentTypes().apply(mentions, text)).isEqualTo(mentions);
    }

    @Test
    void aOneWordPersonThatShortensOnlyOrganizationsIsOneOfThem() {
        String text = "Magna International rose. Magna said sales grew. Frank Stronach founded it.";
        List<Mention> mentions = at(text, EntityType.ORGANIZATION, "Magna International", EntityType.PERSON, "Magna",
                EntityType.PERSON, "Frank Stronach");

        assertThat(new DocumentTypes().apply(mentions, text)).extracting(Mention::type)
                .containsExactly(EntityType.ORGANIZATION, EntityType.ORGANIZATION, EntityType.PERSON);
    }

    @Test
    void aTieLeavesEachMentionAsTagged() {
        Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
        votes.put(EntityType.PERSON, 1);
        votes.put(EntityType.PLACE, 1);

        assertThat(DocumentTypes.majority(votes, EntityType.PLACE)).isEqualTo(EntityType.PLACE);
        assertThat(DocumentTypes.majority(votes, EntityType.PERSON)).isEqualTo(EntityType.PERSON);
    }

    @Test
    void datelineNamesArePlacesButAResultsLineIsNoDateline() {
        String text = "WIGAN , England 1996-08-31\nWigan 42 Bradford Bulls 36\nWASHINGTON (Reuters) - Talks began.";
        List<Mention> mentions = at(text, EntityType.ORGANIZATION, "WIGAN", EntityType.PLACE, "England",
                EntityType.ORGANIZATION, "Wigan", EntityType.ORGANIZATION, "Bradford Bulls",
                EntityType.ORGANIZATION, "WASHINGTON");

        assertThat(new DatelinePlaces().apply(mentions, text)).extracting(Mention::type).containsExactly(
                EntityType.PLACE, EntityType.PLACE, EntityType.ORGANIZATION, EntityType.ORGANIZATION, EntityType.PLACE);
    }

    @Test
    void titlesAreCutFromPeopleAndMakeAPersonOfTheNameAfterThem() {
        String text = "Dr. Jane Smith met President Clinton and Mr in Paris.";
        List<Mention> mentions = at(text, EntityType.PERSON, "Dr. Jane Smith", EntityType.PLACE, "Clinton",
                EntityType.PERSON, "Mr", EntityType.PLACE, "Paris");

        assertThat(new Honorifics().apply(mentions, text)).containsExactly(
                new Mention(EntityType.PERSON, "Jane Smith", 4, 14),
                new Mention(EntityType.PERSON, "Clinton", 29, 36),
                new Mention(EntityType.PLACE, "Paris", 47, 52));
    }

    @Test
    void furnitureAndPluralsOfCapitalsAreNoNames() {
        assertThat(PageFurniture.isFurniture("All Newsletters")).isTrue();
        assertThat(PageFurniture.isFurniture("Must Read Bits & Bytes")).isTrue();
        assertThat(PageFurniture.isFurniture("Copy Link URLCopied")).isTrue();
        assertThat(PageFurniture.isFurniture("Rights Watch")).isFalse();
        assertThat(PageFurniture.isFurniture("Reuters")).isFalse();
        assertThat(PageFurniture.isCapitalsPlural("LEDs")).isTrue();
        assertThat(PageFurniture.isCapitalsPlural("Ross")).isFalse();
        assertThat(PageFurniture.isCapitalsPlural("AS")).isFalse();
    }

    @Test
    void stepsAreReadFromTheSetting() {
        assertThat(EntityStep.parse(null)).containsExactlyInAnyOrder(EntityStep.values());
        assertThat(EntityStep.parse("none")).isEmpty();
        assertThat(EntityStep.parse("trim, resolve")).containsExactlyInAnyOrder(EntityStep.TRIM, EntityStep.RESOLVE);
        assertThat(EntityStep.parse("-document_types")).doesNotContain(EntityStep.DOCUMENT_TYPES).contains(EntityStep.TRIM);
    }
}
