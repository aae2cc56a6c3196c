package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code application/x-ndjson}: one native article a line. Blank lines are skipped and are not
 * items, so item {@code n} of the answer is the {@code n}-th article line (counting from 0).
 * A bad line is reported as its item and does not stop the others.
 */
public final class NdjsonArticleParser implements ArticleParser {

    static final String CONTENT_TYPE = "application/x-ndjson";

    @Override
    public Set<String> mediaTypes() {
        return Set.of(CONTENT_TYPE);
    }

    @Override
    public ParsedPayload parse(byte[] body, MediaType type) {
        Charset charset = type.charsetOrUtf8();
        List<ParsedItem> items = new ArrayList<>();
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
            // Split before decoding, so a line of invalid UTF-8 is refused alone like any other bad line:
            // in these charsets the byte 0x0A is always a line feed, never part of another character.
            int start = 0;
            for (int end = 0, line = 0; end <= body.length; end++) {
                if (end == body.length || body[end] == '\n') {
                    byte[] bytes = Arrays.copyOfRange(body, start, end);
                    addLine(items, line++, () -> PayloadText.decode(bytes, charset));
                    start = end + 1;
                }
            }
        } else {
            String[] lines = PayloadText.decode(body, charset).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                addLine(items, i, () -> line);
            }
        }
        if (items.isEmpty()) {
            throw ProblemException.badRequest("the body holds no article lines");
        }
        return ParsedPayload.batch(items);
    }

    /** Adds the line's item unless it is blank; a line that cannot even be decoded is an invalid item. */
    private static void addLine(List<ParsedItem> items, int lineIndex, Supplier<String> decode) {
        String line;
        try {
            line = decode.get();
        } catch (ProblemException e) {
            items.add(invalidLine(e.problem(), lineIndex));
            return;
        }
        if (!line.isBlank()) {
            items.add(parseLine(line, lineIndex));
        }
    }

    private static ParsedItem parseLine(String line, int lineIndex) {
        try {
            return NativeArticleReader.read(JsonArticleParser.readTree(line, lineIndex));
        } catch (ProblemException e) {
            // Turned into this line's item: one bad line must not refuse its neighbours.
            return invalidLine(e.problem(), lineIndex);
        }
    }

    private static ParsedItem invalidLine(Problem problem, int lineIndex) {
        // Syntax errors already name their line; field and encoding errors get it here.
        if (problem.extensions().containsKey("line")) {
            return new ParsedItem.Invalid(problem);
        }
        return new ParsedItem.Invalid(new Problem(problem.type(), problem.title(), problem.status(),
                "line " + (lineIndex + 1) + ": " + problem.detail(), problem.extensions())
                .with("line", lineIndex + 1));
    }
}
