package dev.newsflow.e2e;

/**
 * A scraped page written for these tests, shaped like ../shared/seeds (date banner, headline,
 * dateline, body, trailing page furniture), used when the shared seeds are not there.
 */
final class OwnSample {

    static final String TITLE = "Leaders gather in Samarkand for a regional trade summit";

    static final String SCRAPED_PAGE = """
            Monday 3rd of March 2025 |
              • Last Update

            Leaders gather in Samarkand for a regional trade summit



            SAMARKAND, Uzbekistan — Heads of government from six Central Asian states met in Samarkand on Monday \
            to discuss rail links and water sharing along the Amu Darya, officials said.
            The host, the foreign minister of Uzbekistan, told reporters the talks would run for two days.
            Delegations from Kazakhstan and Kyrgyzstan arrived by train on the new line from Tashkent.

            Latest News


            Most Read Articles
            """;

    private OwnSample() {
    }
}
