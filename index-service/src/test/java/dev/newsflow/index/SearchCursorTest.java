package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.newsflow.core.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    private final CursorSeal seal = new CursorSeal("the key of this service".getBytes(StandardCharsets.UTF_8));

    @Test
    void roundTripsSortValuesIncludingNulls() {
        SearchCursor cursor = new SearchCursor(SearchSort.RELEVANCE, Arrays.asList(1.25, null, "f00d"));

        String text = seal.seal(cursor);

        assertThat(text).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(seal.open(text)).isEqualTo(cursor);
    }

    @Test
    void aCursorThisServiceDidNotSignIs400NamingCursor() {
        String issued = seal.seal(new SearchCursor(SearchSort.NEWEST, List.of(1_700_000_000_000L, 5L, "id1")));
        // Well-formed values Elasticsearch would choke on, with the signature of the original.
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sort\":\"NEWEST\",\"after\":[\"tomorrow\",{},\"id1\"]}".getBytes(StandardCharsets.UTF_8))
                + issued.substring(issued.indexOf('.'));
        String otherKey = new CursorSeal("another service's key".getBytes(StandardCharsets.UTF_8))
                .seal(new SearchCursor(SearchSort.NEWEST, List.of(1L, 2L, "id1")));

        for (String text : List.of(forged, otherKey, issued.substring(0, issued.indexOf('.')), issued + "x", "", ".", "a.b")) {
            ProblemException refused = catchThrowableOfType(ProblemException.class, () -> seal.open(text));
            assertThat(refused).as(text).isNotNull();
            assertThat(refused.problem().status()).isEqualTo(400);
            assertThat(refused.problem().extensions()).containsEntry("parameter", "cursor");
        }
    }
}
