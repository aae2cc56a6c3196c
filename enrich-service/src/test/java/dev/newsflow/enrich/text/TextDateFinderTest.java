package dev.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextDateFinderTest {

    private final TextDateFinder finder = new TextDateFinder();

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Sunday 24th of September 2023 |;   2023-09-24; Sunday 24th of September 2023",
            "Posted 3 Jan. 2024, 10:00;         2024-01-03; 3 Jan. 2024",
            "Updated: March 3, 2024 10:45 GMT;  2024-03-03; March 3, 2024",
            "Thu, Sept 14 2023;                 2023-09-14; Thu, Sept 14 2023",
            "as of 2022-02-28 the law;          2022-02-28; 2022-02-28"})
    void findsDatesWrittenInTheUsualWays(String text, LocalDate date, String written) {
        DateMention found = finder.findAll(text).getFirst();

        assertThat(found.date()).isEqualTo(date);
        assertThat(text.substring(found.start(), found.end())).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31 February 2023", "the 2023 season", "May 2024", "2023-13-01", "no date at all"})
    void ignoresWhatIsNoFullValidDate(String text) {
        assertThat(finder.findAll(text)).isEmpty();
    }
}
