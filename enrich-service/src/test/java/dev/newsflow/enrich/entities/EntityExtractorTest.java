package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.RawArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The entity step with a stand-in tagger that tags the names it is told, wherever the text writes them. */
class EntityExtractorTest {

    private final AtomicInteger taggerCalls = new AtomicInteger();

    private EntityExtractor extractor(Map<String, EntityType> names) {
        Function<String, List<Mention>> tagger = text -> {
            taggerCalls.incrementAndGet();
            List<Mention> out = new ArrayList<>();
            names.forEach((name, type) -> {
                for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                    out.add(new Mention(type, name, at, at + name.length()));
                }
            });
            out.sort((a, b) -> Integer.compare(a.start(), b.start()));
            return out;
        };
        return new EntityExtractor(tagger, Gazetteer.standard());
    }

    private static RawArticle feed(List<String> people, List<String> organizations, List<String> places) {
        return RawArticle.builder().id("a").source("wire").guid("g").version(1).contentType("application/json")
                .body("body").people(people).organizations(organizations).places(places).build();
    }

    @Test
    void feedEntitiesAreMergedWithTheTextsAndComeFirst() {
        EntityExtractor extractor = extractor(Map.of("Putin", EntityType.PERSON, "Narendra Modi", EntityType.PERSON,
                "Samarkand", EntityType.PLACE));
        RawArticle raw = feed(List.of("Vladimir Putin"), List.of("Kremlin"), List.of("Uzbekistan"));

        Entities entities = extractor.extract(raw, "Putin meets Modi",
                "Putin met Narendra Modi in Samarkand on Friday.", "en");

        assertThat(entities.people()).containsExactly("Vladimir Putin", "Narendra Modi");
        assertThat(entities.organizations()).containsExactly("Kremlin");
        assertThat(entities.places()).containsExactly("Uzbekistan", "Samarkand");
    }

    @Test
    void otherLanguagesGetTheFeedsEntitiesOnlyAndTheTaggerIsNotRun() {
        EntityExtractor extractor = extractor(Map.of("Berlin", EntityType.PLACE));
        RawArticle raw = feed(List.of("Olaf Scholz", "olaf scholz"), List.of(), List.of("Berlin"));

        Entities entities = extractor.extract(raw, null, "Scholz sprach am Montag in Berlin und Paris.", "de");

        assertThat(entities).isEqualTo(new Entities(List.of("Olaf Scholz"), List.of(), List.of("Berlin")));
        assertThat(taggerCalls).hasValue(0);
    }

    @Test
    void unknownLanguageIsTaggedWhenTheTextReadsAsEnglish() {
        assertThat(EntityExtractor.isEnglish(null, "Putin, Samarkand")).isFalse();
        assertThat(EntityExtractor.isEnglish(null, "Putin is in Samarkand")).isTrue();
        assertThat(EntityExtractor.isEnglish("fr", "Putin is in Samarkand")).isFalse();
    }

    @Test
    void gazetteerCorrectsTypesGeneralKnowledgeSettles() {
        EntityExtractor extractor = extractor(Map.of("Philippines", EntityType.ORGANIZATION,
                "Reuters", EntityType.PERSON, "Samarkand", EntityType.PERSON, "Chicago", EntityType.ORGANIZATION,
                "Chinese", EntityType.PLACE, "Jordan", EntityType.PERSON));

        Entities entities = extractor.extract(feed(List.of(), List.of(), List.of()), null,
                "The Philippines told Reuters that Chinese envoys in Samarkand saw Chicago beat Jordan's team.", "en");

        assertThat(entities.places()).containsExactly("Philippines", "Samarkand");
        // A city tagged as an organization may be its club; "Jordan" may be a person.
        assertThat(entities.organizations()).containsExactly("Reuters", "Chicago");
        assertThat(entities.people()).containsExactly("Jordan");
    }

    @Test
    void gazetteerAddsKnownNamesTheTaggerMissed() {
        EntityExtractor extractor = extractor(Map.of("Xi Jinping", EntityType.PERSON));

        Entities entities = extractor.extract(feed(List.of(), List.of(), List.of()), null,
                "Xi Jinping flew from Kazakhstan to Uzbekistan, AFP said. The China Daily agreed.", "en");

        assertThat(entities.people()).containsExactly("Xi Jinping");
        assertThat(entities.places()).containsExactly("Kazakhstan", "Uzbekistan");
        assertThat(entities.organizations()).containsExactly("AFP");
    }

    @Test
    void wordsTheTaggerTookInFrontOfANameAreDropped() {
        EntityExtractor extractor = extractor(Map.of("shares of Douglas & Lomason Co", EntityType.ORGANIZATION,
                "Minneapolis-based First Bank System Inc.", EntityType.ORGANIZATION));

        Entities entities = extractor.extract(feed(List.of(), List.of(), List.of()), null,
                "Investors sold shares of Douglas & Lomason Co and Minneapolis-based First Bank System Inc. today.", "en");

        assertThat(entities.organizations()).containsExactly("Douglas & Lomason Co", "First Bank System Inc.");
    }

    @Test
    void aSentencesPrepositionAndANounHeadingANameWithOfAreDropped() {
        EntityExtractor extractor = extractor(Map.of("In Milwaukee", EntityType.PLACE,
                "Shares of Douglas & Lomason Co", EntityType.ORGANIZATION,
                "St. Louis-based Mercantile Bancorp Inc.", EntityType.ORGANIZATION, "Bank of England", EntityType.ORGANIZATION));

        Entities entities = extractor.extract(feed(List.of(), List.of(), List.of()), null,
                "In Milwaukee it rained. Shares of Douglas & Lomason Co fell as St. Louis-based Mercantile Bancorp Inc. "
                        + "and the Bank of England met.", "en");

        assertThat(entities.places()).containsExactly("Milwaukee");
        assertThat(entities.organizations()).containsExactly("Douglas & Lomason Co", "Mercantile Bancorp Inc.",
                "Bank of England");
    }

    @Test
    void loneSurnameTypedOtherwiseJoinsThePerson() {
        EntityExtractor extractor = extractor(Map.of("Alpay Ozalan", EntityType.PERSON, "Ozalan", EntityType.ORGANIZATION));

        Entities entities = extractor.extract(feed(List.of(), List.of(), List.of()), null,
                "Alpay Ozalan scored. Ozalan later left.", "en");

        assertThat(entities.people()).containsExactly("Alpay Ozalan");
        assertThat(entities.organizations()).isEmpty();
    }

    @Test
    void titlesLeaveNamesAndANameAfterATitleIsAPerson() {
        EntityExtractor extractor = extractor(Map.of("Mr Putin", EntityType.PERSON, "Tansu Ciller", EntityType.PLACE));

        Entities entities = extractor.extract(feed(List.of(), List.of(), List.of()), null,
                "Mr Putin called Prime Minister Tansu Ciller on Monday.", "en");

        assertThat(entities.people()).containsExactly("Putin", "Tansu Ciller");
        assertThat(entities.places()).isEmpty();
    }

    @Test
    void pageFurnitureIsNoName() {
        EntityExtractor extractor = extractor(Map.of("All Rights Reserved", EntityType.ORGANIZATION,
                "Copy Link URLCopied", EntityType.ORGANIZATION, "LEDs", EntityType.PERSON, "Sony", EntityType.ORGANIZATION));

        Entities entities = extractor.extract(feed(List.of(), List.of(), List.of()), null,
                "Sony makes LEDs.\nCopy Link URLCopied\n(c) 2024 Sony. All Rights Reserved", "en");

        assertThat(entities.organizations()).containsExactly("Sony");
        assertThat(entities.people()).isEmpty();
    }

    @Test
    void theNamesOfADatelineArePlaces() {
        EntityExtractor extractor = extractor(Map.of("CARDIFF", EntityType.ORGANIZATION, "Wales", EntityType.PLACE));

        Entities entities = extractor.extract(feed(List.of(), List.of(), List.of()), null,
                "CARDIFF 1996-08-31\nWales beat San Marino 6-0 on Saturday.", "en");

        assertThat(entities.places()).contains("CARDIFF", "Wales");
        assertThat(entities.organizations()).isEmpty();
    }

    @Test
    void everyStepCanBeSwitchedOffToMeasureTheTaggerAlone() {
        Function<String, List<Mention>> tagger = text -> List.of(new Mention(EntityType.PERSON, "Mr Putin", 0, 8),
                new Mention(EntityType.MISC, "Russian", 15, 22));
        EntityExtractor alone = new EntityExtractor(tagger, Gazetteer.standard(), EntityStep.parse("none"));

        Entities entities = alone.extract(feed(List.of(), List.of(), List.of()), null, "Mr Putin, the Russian", "en");

        assertThat(entities).isEqualTo(new Entities(List.of("Mr Putin"), List.of(), List.of()));
    }

    @Test
    void aHundredThousandWordTextTakesLinearTime() {
        StringBuilder text = new StringBuilder();
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            int at = text.length();
            // Every name distinct, each sharing a word with all the others: the worst case for short forms.
            text.append("Mr Acme").append(i).append(" met ");
            mentions.add(new Mention(i % 3 == 0 ? EntityType.ORGANIZATION : EntityType.PERSON, "Mr Acme" + i,
                    at, at + 7 + String.valueOf(i).length()));
            text.append(i % 10 == 0 ? "France.\n" : "France ");
        }
        EntityExtractor extractor = new EntityExtractor(t -> mentions, Gazetteer.standard());
        long started = System.nanoTime();

        Entities entities = extractor.extract(feed(List.of(), List.of(), List.of()), null, text.toString(), "en");

        assertThat(entities.places()).containsExactly("France");
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }
}
