package dev.newsflow.ingest;

import dev.newsflow.core.ProblemException;
import dev.newsflow.core.RawArticle;
import java.util.Set;

/**
 * {@code text/plain}: raw story text, such as a scraped page. It is carried as the body with no
 * title; enrich-service tells headline from body later, where the language tools are.
 */
public final class PlainTextParser implements ArticleParser {

    static final String CONTENT_TYPE = "text/plain";

    @Override
    public Set<String> mediaTypes() {
        return Set.of(CONTENT_TYPE);
    }

    @Override
    public ParsedPayload parse(byte[] body, MediaType type) {
        String text = PayloadText.decode(body, type.charsetOrUtf8());
        if (text.isBlank()) {
            throw ProblemException.badRequest("the body holds only white space; send the story text");
        }
        RawArticle article = RawArticle.builder().contentType(CONTENT_TYPE).body(text).build();
        return ParsedPayload.single(new ParsedItem.Valid(article, null));
    }
}
