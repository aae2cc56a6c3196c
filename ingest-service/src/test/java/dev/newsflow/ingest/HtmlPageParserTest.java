package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ProblemException;
import dev.newsflow.core.RawArticle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlPageParserTest {

    private final HtmlPageParser parser = new HtmlPageParser();

    private RawArticle parse(byte[] body, String type) {
        ParsedPayload payload = parser.parse(body, MediaType.parse(type));
        assertThat(payload.batch()).isFalse();
        return ((ParsedItem.Valid) payload.items().getFirst()).article();
    }

    @Test
    void carriesThePageAsItIs() {
        String page = "<!doctype html><html><head><title>Story</title></head><body><p>Text.</p></body></html>";

        RawArticle article = parse(page.getBytes(StandardCharsets.UTF_8), "text/html");

        assertThat(article.bodyHtml()).isEqualTo(page);
        assertThat(article.contentType()).isEqualTo("text/html");
        assertThat(article.body()).isNull();
        assertThat(article.title()).isNull();
    }

    @Test
    void honoursAMetaCharsetUnlessTheHeaderNamesOne() {
        String page = "<html><head><meta charset=\"windows-1252\"></head><body>Café – déjà</body></html>";
        byte[] cp1252 = page.getBytes(Charset.forName("windows-1252"));

        assertThat(parse(cp1252, "text/html").bodyHtml()).contains("Café – déjà");
        assertThat(parse(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8").bodyHtml())
                .contains("Café – déjà");
    }

    @Test
    void refusesABlankPage() {
        assertThatThrownBy(() -> parse(" \n ".getBytes(StandardCharsets.UTF_8), "text/html"))
                .isInstanceOf(ProblemException.class);
    }
}
