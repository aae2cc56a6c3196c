package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
        String text = PayloadText.decode(body, type.charsetOrUtf8());
        List<ParsedItem> items = new ArrayList<>();
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                items.add(parseLine(lines.get(i), i));
            }
        }
        if (items.isEmpty()) {
            throw ProblemException.badRequest("the body holds no article lines");
        }
        return ParsedPayload.batch(items);
    }

    /**
     * The lines of the text, ended by LF or CRLF. Found with indexOf rather than a regular expression:
     * the split by {@code \r?\n} tried a match at every character of a batch body and was an eighth of
     * ingest's CPU in the benchmark's batch run.
     */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
            int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            lines.add(text.substring(start, end));
            start = newline + 1;
        }
        lines.add(text.substring(start));
        return lines;
    }

    private static ParsedItem parseLine(String line, int lineIndex) {
        try {
            return NativeArticleReader.read(JsonArticleParser.readTree(line, lineIndex));
        } catch (ProblemException e) {
            // Turned into this line's item: one bad line must not refuse its neighbours.
            Problem problem = e.problem();
            // Syntax errors already name their line; field errors get it here.
            if (!problem.extensions().containsKey("line")) {
                problem = new Problem(problem.type(), problem.title(), problem.status(),
                        "line " + (lineIndex + 1) + ": " + problem.detail(), problem.extensions())
                        .with("line", lineIndex + 1);
            }
            return new ParsedItem.Invalid(problem);
        }
    }
}
