package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.language.LanguageIdentifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole enrichment, every step, on inputs built to make text code slow: long runs of spaces,
 * punctuation and newlines, one huge token, mixed scripts. Each shape is enriched at a size and at four
 * times that size; the larger may take at most eight times as long (a linear step takes about four
 * times, a quadratic one sixteen), with a floor so that timer noise on tiny inputs cannot fail it.
 */
class AdversarialInputTest {

    private static final Logger log = LoggerFactory.getLogger(AdversarialInputTest.class);
    private static final int SIZE = 25_000;
    /** Below this the larger run is fast whatever its ratio: noise, JIT and GC dominate. */
    private static final Duration FLOOR = Duration.ofMillis(1500);

    private final Enricher enricher = new Enricher(Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC),
            LanguageIdentifier.shared());

    record Shape(String name, IntFunction<RawArticle> article) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Shape> shapes() {
        return Stream.of(
                new Shape("dateline of spaces", n -> text("A harbour story.").dateline("WASHINGTON" + " ".repeat(n) + "x").build()),
                new Shape("dateline of dashes", n -> text("A harbour story.").dateline("PARIS " + "-".repeat(n) + " (").build()),
                new Shape("lines without full stops", n -> text("word word\n".repeat(n / 10)).build()),
                new Shape("blank lines", n -> text("Harbour opens\n" + "\n \n".repeat(n / 3) + "The harbour opened.").build()),
                new Shape("punctuation run", n -> text("The Harbour Board " + ".,;:!?-'\"".repeat(n / 9) + " said.").build()),
                new Shape("capitalised words", n -> text("The " + "Harbour Board ".repeat(n / 14) + "met.").build()),
                new Shape("one huge token", n -> text("harbour".repeat(n / 7)).build()),
                new Shape("brackets", n -> text("The Harbour Board (" + "(HB ".repeat(n / 4) + ") met.").build()),
                new Shape("mixed scripts", n -> text(mixedScripts(n)).build()),
                new Shape("html of spaces", n -> RawArticle.builder().id("h").source("s").guid("g").version(1)
                        .contentType("text/html").bodyHtml("<html><head><title>" + " ".repeat(n) + "</title></head><body><p>"
                                + "a ".repeat(n / 2) + "</p></body></html>").build()),
                new Shape("title of spaces", n -> text("The harbour opened.").title("Harbour" + " ".repeat(n) + "opens").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void timeGrowsLinearlyWithSize(Shape shape) {
        enricher.enrich(shape.article().apply(SIZE / 10)); // warm-up: class loading, JIT, models
        long small = best(shape, SIZE);
        // A step that is not linear takes minutes here: fail it, do not wait for it.
        long large = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> best(shape, 4 * SIZE));
        log.info("{}: {} ms at {} chars, {} ms at {}", shape, small / 1_000_000, SIZE, large / 1_000_000, 4 * SIZE);

        assertThat(large).as("%s: %d ns at %d, %d ns at %d", shape, small, SIZE, large, 4 * SIZE)
                .isLessThanOrEqualTo(Math.max(FLOOR.toNanos(), 8 * small));
    }

    /** The fastest of two runs, so one GC pause or a busy neighbour does not decide. */
    private long best(Shape shape, int size) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            RawArticle article = shape.article().apply(size);
            long start = System.nanoTime();
            EnrichedArticle enriched = enricher.enrich(article);
            best = Math.min(best, System.nanoTime() - start);
            assertThat(enriched.id()).isEqualTo(article.id());
        }
        return best;
    }

    private static RawArticle.Builder text(String body) {
        return RawArticle.builder().id("t").source("s").guid("g").version(1).contentType("text/plain").body(body);
    }

    private static String mixedScripts(int n) {
        List<String> words = List.of("harbour", "Hafen", "гавань", "港口", "ميناء", "λιμάνι", "बंदरगाह", "🚢");
        Random random = new Random(n);
        StringBuilder text = new StringBuilder(n + 16);
        while (text.length() < n) {
            text.append(words.get(random.nextInt(words.size()))).append(random.nextInt(12) == 0 ? ". " : " ");
        }
        return text.toString();
    }
}
