package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ProblemException;
import dev.newsflow.core.RawArticle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainTextParserTest {

    private final PlainTextParser parser = new PlainTextParser();

    @Test
    void carriesTheTextAsBodyWithoutTitle() {
        String story = "Headline here\n\nLONDON (Wire) - The story.";
        ParsedItem.Valid item = (ParsedItem.Valid) parser.parse(story.getBytes(StandardCharsets.UTF_8),
                MediaType.parse("text/plain; charset=utf-8")).items().getFirst();

        RawArticle article = item.article();
        assertThat(article.body()).isEqualTo(story);
        assertThat(article.title()).isNull();
        assertThat(article.contentType()).isEqualTo("text/plain");
        assertThat(item.feedVersion()).isNull();
    }

    @Test
    void honoursADeclaredCharsetAndDropsAByteOrderMark() {
        byte[] latin1 = "Café".getBytes(StandardCharsets.ISO_8859_1);
        byte[] withBom = "\uFEFFNews".getBytes(StandardCharsets.UTF_8);

        assertThat(((ParsedItem.Valid) parser.parse(latin1, MediaType.parse("text/plain; charset=ISO-8859-1"))
                .items().getFirst()).article().body()).isEqualTo("Café");
        assertThat(((ParsedItem.Valid) parser.parse(withBom, MediaType.parse("text/plain")).items().getFirst())
                .article().body()).isEqualTo("News");
    }

    @Test
    void refusesBlankTextAndInvalidUtf8() {
        assertThatThrownBy(() -> parser.parse(" \n\t".getBytes(StandardCharsets.UTF_8), MediaType.parse("text/plain")))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> parser.parse(new byte[] {'a', (byte) 0xFF}, MediaType.parse("text/plain")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().detail()).contains("not valid UTF-8"));
    }

    @Test
    void anUnknownCharsetIs415() {
        assertThatThrownBy(() -> MediaType.parse("text/plain; charset=klingon"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(415));
    }
}
