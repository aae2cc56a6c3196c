package dev.newsflow.ingest;

import dev.newsflow.core.ProblemException;
import dev.newsflow.core.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Set;
import org.jsoup.helper.DataUtil;

/**
 * {@code text/html}: a web page, carried as it is in {@code body_html}. Title, main text, byline and date
 * are extracted downstream by enrich-service, which holds the extraction rules; ingest only checks there
 * is a page. Pages often declare their charset only in a {@code <meta>} tag, so without a charset in the
 * Content-Type jsoup's detection (byte order mark, then meta, then UTF-8) picks it.
 */
public final class HtmlPageParser implements ArticleParser {

    static final String CONTENT_TYPE = "text/html";

    @Override
    public Set<String> mediaTypes() {
        return Set.of(CONTENT_TYPE);
    }

    @Override
    public ParsedPayload parse(byte[] body, MediaType type) {
        String page = PayloadText.decode(body, type.charset().orElseGet(() -> declaredCharset(body)));
        if (page.isBlank()) {
            throw ProblemException.badRequest("the body holds only white space; send the page");
        }
        RawArticle article = RawArticle.builder().contentType(CONTENT_TYPE).bodyHtml(page).build();
        return ParsedPayload.single(new ParsedItem.Valid(article, null));
    }

    /** The HTML standard's pre-scan looks at the first 1024 bytes; a few more cost nothing and catch late metas. */
    private static Charset declaredCharset(byte[] body) {
        int prefix = Math.min(body.length, 8192);
        try {
            return DataUtil.load(new ByteArrayInputStream(body, 0, prefix), null, "").charset();
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory page failed", e);
        }
    }
}
