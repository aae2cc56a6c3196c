package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cities read as places where sports copy names them as sides. */
class SportsClubsTest {

    private final SportsClubs rule = new SportsClubs(Gazetteer.standard());

    private static Mention place(String text, String name) {
        int at = text.indexOf(name);
        return new Mention(EntityType.PLACE, name, at, at + name.length());
    }

    @Test
    void aCityBeforeAPlayersRoleOrAfterSideOrPlayedForIsAClub() {
        String text = "Norwich striker Keith O'Neill, who played for Leeds, left division side Wigan.";
        List<Mention> mentions = List.of(place(text, "Norwich"), place(text, "Leeds"), place(text, "Wigan"));

        assertThat(rule.apply(mentions, text)).extracting(Mention::type).containsOnly(EntityType.ORGANIZATION);
    }

    @Test
    void countriesAndOrdinaryPlacesStayPlaces() {
        String text = "England captain Will Carling flew from Leeds to a team meeting in Paris.";
        List<Mention> mentions = List.of(place(text, "England"), place(text, "Leeds"), place(text, "Paris"));

        assertThat(rule.apply(mentions, text)).isEqualTo(mentions);
    }
}
