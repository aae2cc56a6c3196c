package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsflow.core.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of every parser with Jazzer: an input is a media type on its first line and a
 * body after it, and the body must be parsed or refused with a 4xx problem, never anything else.
 * {@link ParserFuzzTest} mutates valid payloads blindly through the HTTP server; this one follows the
 * branches the parsers take, which finds inputs no blind mutation reaches.
 *
 * <p>In {@code ./mvnw verify} it replays the inputs kept under {@code src/test/resources/dev/newsflow/
 * ingest/ParserCoverageFuzzTestInputs} (one per format, and every input a fuzzing run found), in a JVM of
 * its own because Jazzer's agent instruments what it loads. To fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl ingest-service -am test -Dtest=ParserCoverageFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} runs for {@code maxDuration}; an input that breaks the rule is
 * written to that folder, to be committed with its fix.
 */
class ParserCoverageFuzzTest {

    private static final ArticleParsers PARSERS = ArticleParsers.standard();
    private static final List<String> TYPES = PARSERS.mediaTypes().stream().sorted().toList();

    @FuzzTest(maxDuration = "5m")
    void everyParserParsesOrRefusesWithA4xx(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        if (newline < 0) {
            return;
        }
        String named = new String(input, 0, newline, StandardCharsets.ISO_8859_1).trim();
        // A mutated type line still picks a parser, so the fuzzer's work on it is not wasted.
        String type = TYPES.contains(named) ? named : TYPES.get(Math.floorMod(named.hashCode(), TYPES.size()));
        byte[] body = Arrays.copyOfRange(input, newline + 1, input.length);
        if (body.length == 0) {
            return;
        }
        MediaType mediaType = MediaType.parse(type);
        try {
            PARSERS.forType(mediaType).parse(body, mediaType);
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).as("refusal of a %s body", type).isBetween(400, 499);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
