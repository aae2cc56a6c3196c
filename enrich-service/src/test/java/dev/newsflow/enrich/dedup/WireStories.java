package dev.newsflow.enrich.dedup;

/** Stories for the fingerprint and dedup tests: one wire story, a lightly edited copy, and others. */
public final class WireStories {

    public static final String ORIGINAL = """
            BRUSSELS (Wire) — European Union energy ministers agreed on Tuesday to extend emergency limits on gas \
            prices for another year, after a late-night meeting in which Germany and the Netherlands dropped their \
            objections in exchange for a review clause.
            The cap, first introduced during the energy crisis, will now apply until the end of next winter. \
            Ministers said the measure had helped calm wholesale markets and protect households from the price \
            spikes seen two years ago.
            "This gives consumers and industry the certainty they need," the Belgian minister who chaired the talks \
            told reporters. Several countries had argued that the limit was no longer needed as storage levels \
            were high and prices had fallen.
            The European Commission will report on the effect of the cap in six months, and ministers could lift \
            it earlier if markets remain stable, according to the text of the agreement.""";

    /** The same story as another feed ran it: its own dateline and credit, a word changed, the last sentence cut. */
    public static final String EDITED_COPY = """
            BRUSSELS, Belgium (Other Agency) - European Union energy ministers agreed on Tuesday to extend emergency \
            limits on gas prices for another year, after a late-night meeting in which Germany and the Netherlands \
            dropped their objections in return for a review clause.
            The cap, first introduced during the energy crisis, will now apply until the end of next winter. \
            Ministers said the measure had helped calm wholesale markets and protect households from the price \
            spikes seen two years ago.
            "This gives consumers and industry the certainty they need," the Belgian minister who chaired the talks \
            told reporters. Several countries had argued that the limit was no longer needed as storage levels \
            were high and prices had fallen.""";

    /** The same event written up independently. */
    public static final String SAME_EVENT_OTHER_WRITER = """
            Energy ministers from the 27 EU member states have decided to keep a ceiling on gas prices in place \
            for twelve more months. The decision came after Berlin and The Hague, which had resisted the move, \
            won a promise that the rules would be reviewed. Supporters say the ceiling has shielded families from \
            the extreme bills of the crisis years, while critics note that gas storage is now full and prices low.""";

    public static final String UNRELATED = """
            A late goal from the substitute striker gave the home side a 2-1 win on Saturday and lifted them to \
            third place in the league. The visitors had led at half-time through a penalty, but tired badly after \
            the break and finished with ten men when their captain was sent off for a second yellow card.""";

    private WireStories() {
    }
}
