package dev.newsflow.enrich.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.Dateline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatelineFinderTest {

    private final DatelineFinder finder = new DatelineFinder();

    @Test
    void placeAndRegionBeforeAnEmDash() {
        assertThat(finder.find("SAMARKAND, Uzbekistan — Chinese President Xi Jinping told"))
                .contains(new Dateline("Samarkand, Uzbekistan", "SAMARKAND, Uzbekistan —"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "WASHINGTON (Reuters) - The U.S. Senate voted;        Washington;        WASHINGTON (Reuters) -",
            "LONDON, Sept 14 (Reuters) -- Shares fell;           London;            LONDON, Sept 14 (Reuters) --",
            "NEW YORK (AP) — A jury found;                         New York;          NEW YORK (AP) —",
            "RIO DE JANEIRO – Brazil said;                         Rio de Janeiro;    RIO DE JANEIRO –",
            "WINSTON-SALEM, N.C. — The company said;               Winston-Salem, N.C.; WINSTON-SALEM, N.C. —",
            "FORT WORTH, TX - Police said;                         Fort Worth, TX;    FORT WORTH, TX -"})
    void wireDatelines(String body, String place, String text) {
        assertThat(finder.find(body)).contains(new Dateline(place, text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "The minister said — after a pause — that talks would go on.",
            "I — and many others — disagree.",
            "Officials in Paris, France - the capital - said so.",
            "WASHINGTON was quiet on Sunday."})
    void ordinaryOpeningsHaveNoDateline(String body) {
        assertThat(finder.find(body)).isEmpty();
    }

    @Test
    void feedDatelineKeepsItsTextAndTheFeedPlaceWins() {
        assertThat(finder.fromFeed("WASHINGTON, Jan 5 (AP)", null))
                .contains(new Dateline("Washington", "WASHINGTON, Jan 5 (AP)"));
        assertThat(finder.fromFeed("WASHINGTON, Jan 5 (AP)", "Washington, D.C."))
                .contains(new Dateline("Washington, D.C.", "WASHINGTON, Jan 5 (AP)"));
        assertThat(finder.fromFeed(null, "Kyiv")).contains(new Dateline("Kyiv", null));
        assertThat(finder.fromFeed(" ", null)).isEmpty();
    }
}
