package dev.newsflow.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.newsflow.core.Json;
import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.util.Set;

/** {@code application/json}: one native article. */
public final class JsonArticleParser implements ArticleParser {

    /**
     * Stricter than the shared mapper: a repeated field ("body" twice) or text after the object
     * would leave it unclear what the feed meant, so both are refused rather than guessed.
     */
    static final ObjectReader STRICT = Json.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public Set<String> mediaTypes() {
        return Set.of(NativeArticleReader.CONTENT_TYPE);
    }

    @Override
    public ParsedPayload parse(byte[] body, MediaType type) {
        String text = PayloadText.decode(body, type.charsetOrUtf8());
        return ParsedPayload.single(NativeArticleReader.read(readTree(text, 0)));
    }

    /**
     * Parses JSON text, reporting syntax errors with their position.
     *
     * @param lineOffset lines before this text in the payload, so NDJSON errors name the payload's line
     */
    static JsonNode readTree(String text, int lineOffset) {
        try {
            return STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            int line = location == null ? lineOffset + 1 : lineOffset + location.getLineNr();
            int column = location == null ? 0 : location.getColumnNr();
            Problem problem = Problem.of(400, "Bad Request",
                            "malformed JSON at line " + line + ", column " + column + ": " + e.getOriginalMessage())
                    .with("line", line)
                    .with("column", column);
            throw new ProblemException(problem);
        }
    }
}
