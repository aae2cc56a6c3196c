package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    @Test
    void roundTripsSortValuesIncludingNulls() {
        SearchCursor cursor = new SearchCursor(SearchSort.RELEVANCE, Arrays.asList(1.25, null, "f00d"));

        String text = cursor.encode();

        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(SearchCursor.decode(text)).isEqualTo(cursor);
    }
}
