package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.standard();

    private List<String> found(String text) {
        return gazetteer.find(text).stream()
                .map(f -> text.substring(f.start(), f.end()) + "=" + f.spelling() + "/" + f.entry().name())
                .toList();
    }

    @Test
    void countriesAreKnownPlacesUnderEverySpellingAndCase() {
        assertThat(gazetteer.entry("Philippines")).get()
                .isEqualTo(new Gazetteer.Entry(EntityType.PLACE, "Philippines", true, false));
        assertThat(gazetteer.entry("U.S.")).get().extracting(Gazetteer.Entry::name).isEqualTo("United States");
        assertThat(gazetteer.entry("UNITED KINGDOM")).get().extracting(Gazetteer.Entry::name).isEqualTo("United Kingdom");
        assertThat(gazetteer.entry("Côte d’Ivoire")).get().extracting(Gazetteer.Entry::name).isEqualTo("Ivory Coast");
    }

    @Test
    void citiesAndOrganizationsAreKnownWithTheirType() {
        assertThat(gazetteer.entry("Samarkand")).get()
                .isEqualTo(new Gazetteer.Entry(EntityType.PLACE, "Samarkand", false, false));
        assertThat(gazetteer.entry("Agence France-Presse")).get()
                .isEqualTo(new Gazetteer.Entry(EntityType.ORGANIZATION, "Agence France-Presse", false, false));
        assertThat(gazetteer.entry("NATO")).get().extracting(Gazetteer.Entry::type).isEqualTo(EntityType.ORGANIZATION);
        assertThat(gazetteer.entry("Vladimir Putin")).isEmpty();
    }

    @Test
    void nameThatIsAlsoAPersonsNameIsMarkedAmbiguous() {
        assertThat(gazetteer.entry("Jordan")).get().extracting(Gazetteer.Entry::ambiguous).isEqualTo(true);
        assertThat(gazetteer.entry("Georgia")).get().extracting(Gazetteer.Entry::ambiguous).isEqualTo(true);
    }

    @Test
    void nationalitiesAreKnownButAreNoPlaces() {
        assertThat(gazetteer.isNationality("Chinese")).isTrue();
        assertThat(gazetteer.isNationality("Britons")).isTrue();
        assertThat(gazetteer.isNationality("China")).isFalse();
        assertThat(gazetteer.entry("Chinese")).isEmpty();
    }

    @Test
    void findsKnownNamesAsWrittenIncludingPossessives() {
        assertThat(found("Talks in Samarkand, Uzbekistan, after Russia's invasion of Ukraine."))
                .containsExactly("Samarkand=Samarkand/Samarkand", "Uzbekistan=Uzbekistan/Uzbekistan", "Russia=Russia/Russia",
                        "Ukraine=Ukraine/Ukraine");
    }

    @Test
    void longestNameWinsWhereNamesOverlap() {
        assertThat(found("Leaders of South Africa and the United States of America met."))
                .containsExactly("South Africa=South Africa/South Africa",
                        "United States of America=United States of America/United States");
    }

    @Test
    void nameRunningOnIntoMoreCapitalisedWordsIsAnotherName() {
        assertThat(found("The China Daily reported from Beijing Capital Airport.")).isEmpty();
        assertThat(found("In China they said so.")).containsExactly("China=China/China");
    }

    @Test
    void lowerCaseWordsAndAmbiguousNamesAreNotFound() {
        assertThat(found("a turkey and a china plate; Jordan scored; let us go")).isEmpty();
    }

    @Test
    void headlinesInCapitalsAreSearchedForLongerNames() {
        assertThat(found("SOCCER - JAPAN BEAT CHINA IN US")).containsExactly("JAPAN=Japan/Japan", "CHINA=China/China");
    }
}
