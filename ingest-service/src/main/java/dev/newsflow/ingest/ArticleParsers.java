package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Picks the parser for a request's media type; the accepted types are whatever the parsers declare. */
public final class ArticleParsers {

    private final Map<String, ArticleParser> byType = new LinkedHashMap<>();

    public ArticleParsers(List<ArticleParser> parsers) {
        for (ArticleParser parser : parsers) {
            for (String type : parser.mediaTypes()) {
                if (byType.putIfAbsent(type, parser) != null) {
                    throw new IllegalArgumentException("two parsers claim " + type);
                }
            }
        }
    }

    /** Every format of DESIGN.md. */
    public static ArticleParsers standard() {
        return new ArticleParsers(List.of(new JsonArticleParser(), new NdjsonArticleParser(), new NinjsParser(),
                new NewsmlG2Parser(), new FeedParser(), new HtmlPageParser(), new PlainTextParser()));
    }

    public Set<String> mediaTypes() {
        return byType.keySet();
    }

    /** @throws ProblemException 415 listing the accepted types */
    public ArticleParser forType(MediaType type) {
        ArticleParser parser = byType.get(type.type());
        if (parser == null) {
            throw unsupported("Content-Type " + type.type() + " is not accepted");
        }
        return parser;
    }

    /**
     * The media type of a Content-Type header.
     *
     * @throws ProblemException 415 listing the accepted types when the header is missing
     */
    public MediaType mediaTypeOf(String contentTypeHeader) {
        if (contentTypeHeader == null || contentTypeHeader.isBlank()) {
            throw unsupported("a Content-Type header is required");
        }
        return MediaType.parse(contentTypeHeader);
    }

    private ProblemException unsupported(String why) {
        List<String> accepted = List.copyOf(byType.keySet());
        Problem problem = Problem.of(415, "Unsupported Media Type", why + "; send one of " + String.join(", ", accepted))
                .with("accepted", accepted);
        return new ProblemException(problem);
    }
}
