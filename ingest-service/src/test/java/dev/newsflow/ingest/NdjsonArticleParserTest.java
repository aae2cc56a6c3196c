package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonArticleParserTest {

    private final NdjsonArticleParser parser = new NdjsonArticleParser();

    private List<ParsedItem> parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), MediaType.parse("application/x-ndjson")).items();
    }

    @Test
    void oneItemPerArticleLineSkippingBlankLines() {
        List<ParsedItem> items = parse("{\"body\":\"one\"}\r\n\n{\"body\":\"two\"}\n");

        assertThat(items).hasSize(2).allMatch(ParsedItem.Valid.class::isInstance);
        assertThat(((ParsedItem.Valid) items.get(1)).article().body()).isEqualTo("two");
    }

    @Test
    void linesMayEndInCrLfAndTheLastNeedsNoLineEnd() {
        List<ParsedItem> items = parse("{\"body\":\"one\"}\r\n\r\n{\"body\":\"two\"}\r\n{\"body\":\"three\"}");

        assertThat(items).hasSize(3).allSatisfy(item -> assertThat(item).isInstanceOf(ParsedItem.Valid.class));
    }

    @Test
    void aBadLineBecomesItsOwnItemNamingTheLine() {
        List<ParsedItem> items = parse("{\"body\":\"one\"}\n\n{\"body\":\"x\",\"urgency\":12}\n{broken\n{\"body\":\"four\"}");

        assertThat(items).hasSize(4);
        assertThat(items.get(0)).isInstanceOf(ParsedItem.Valid.class);
        assertThat(items.get(1)).isInstanceOfSatisfying(ParsedItem.Invalid.class, bad -> {
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.field()).isEqualTo("urgency");
            assertThat(bad.detail()).startsWith("line 3: urgency");
        });
        assertThat(items.get(2)).isInstanceOfSatisfying(ParsedItem.Invalid.class,
                bad -> assertThat(bad.detail()).startsWith("malformed JSON at line 4, column"));
        assertThat(items.get(3)).isInstanceOf(ParsedItem.Valid.class);
    }

    @Test
    void aBodyWithoutArticleLinesIsRefused() {
        assertThatThrownBy(() -> parse("\n \n"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().detail()).contains("no article lines"));
    }
}
