package dev.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlCleanerTest {

    private final HtmlCleaner cleaner = new HtmlCleaner(new PlainTextCleaner(new LineClassifier(new TextDateFinder())));

    private static final String PAGE = """
            <!doctype html>
            <html><head>
              <title>Storm floods coastal towns | Daily Gazette</title>
              <meta name="author" content="Jane Doe">
              <meta property="article:published_time" content="2024-03-03T10:45:00+01:00">
              <script>var tracking = "Residents of three coastal towns were evacuated";</script>
              <style>p { color: red; }</style>
            </head><body>
              <header><a href="/">Daily Gazette</a> <nav><a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
              <article>
                <h1>Storm floods coastal towns as rivers burst their banks</h1>
                <p>Residents of three coastal towns were evacuated on Saturday after <b>heavy rain</b> caused rivers to burst.</p>
                <div class="ad">Advertisement</div>
                <p>Emergency services said more than 200 homes had been flooded and<br>roads remained closed.</p>
                <h2>Clean-up begins</h2>
                <p>Volunteers began clearing mud from streets on Sunday as the water level slowly dropped again.</p>
              </article>
              <aside><h3>Most read</h3><p>Another story that is long enough to look like a paragraph of prose.</p></aside>
              <footer>© Daily Gazette. All rights reserved.</footer>
            </body></html>
            """;

    @Test
    void pageYieldsHeadlineStoryAndMetaData() {
        CleanText clean = cleaner.cleanPage(PAGE);

        assertThat(clean).isEqualTo(new CleanText(
                "Storm floods coastal towns as rivers burst their banks",
                """
                        Residents of three coastal towns were evacuated on Saturday after heavy rain caused rivers to burst.

                        Emergency services said more than 200 homes had been flooded and roads remained closed.

                        Clean-up begins

                        Volunteers began clearing mud from streets on Sunday as the water level slowly dropped again.""",
                "Jane Doe",
                Instant.parse("2024-03-03T09:45:00Z")));
    }

    @Test
    void withoutH1TheTitleLosesTheSiteName() {
        String page = "<html><head><title>Council approves city budget - Daily Gazette</title></head>"
                + "<body><main><p>The council approved the budget on Monday after a long and heated debate.</p></main></body></html>";

        CleanText clean = cleaner.cleanPage(page);

        assertThat(clean.title()).isEqualTo("Council approves city budget");
        assertThat(clean.body()).isEqualTo("The council approved the budget on Monday after a long and heated debate.");
    }

    @Test
    void furnitureBetweenParagraphsAndTheClosingMatterAreDropped() {
        String page = "<html lang=en><body><article><h1>Harbour wall repaired after winter storms</h1>"
                + "<p>Work on the harbour wall finished on Friday, three months after the storms that broke it.</p>"
                + "<p>Share this</p><p>Advertisement</p>"
                + "<p>The council said the repair cost less than feared and the quay would reopen on Monday.</p>"
                + "<h2>Comments</h2><p>Great news for the fishermen, who have waited far too long for this.</p>"
                + "</article></body></html>";

        CleanText clean = cleaner.cleanPage(page);

        assertThat(clean.body()).isEqualTo("""
                Work on the harbour wall finished on Friday, three months after the storms that broke it.

                The council said the repair cost less than feared and the quay would reopen on Monday.""");
        assertThat(clean.language()).isEqualTo("en");
    }

    @Test
    void feedFragmentKeepsEveryParagraph() {
        String fragment = "<p>First short line.</p><p>Second <i>line</i></p><ul><li>one</li><li>two</li></ul>";

        assertThat(cleaner.fragmentText(fragment)).isEqualTo("First short line.\n\nSecond line\n\none\n\ntwo");
    }
}
