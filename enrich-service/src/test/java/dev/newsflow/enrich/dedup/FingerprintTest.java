package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.core.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static Fingerprint of(String text) {
        return Fingerprint.of(text).orElseThrow();
    }

    @Test
    void sameTextSameFingerprint() {
        assertThat(of(WireStories.ORIGINAL)).isEqualTo(of(WireStories.ORIGINAL));
        assertThat(of(WireStories.ORIGINAL).similarity(of(WireStories.ORIGINAL))).isEqualTo(1.0);
    }

    @Test
    void caseAndPunctuationDoNotCount() {
        assertThat(of("The Minister said: \"We will act.\" Prices rose, again, on Tuesday in Paris."))
                .isEqualTo(of("the minister said we will act prices rose again on tuesday in paris"));
    }

    @Test
    void lightlyEditedCopyIsCloseAndSharesABand() {
        Fingerprint original = of(WireStories.ORIGINAL);
        Fingerprint copy = of(WireStories.EDITED_COPY);

        // About three quarters of the shingles are shared: the cut paragraph and the new dateline cost the rest.
        assertThat(original.similarity(copy)).isBetween(0.6, 0.9).isGreaterThanOrEqualTo(BandIndex.MIN_SIMILARITY);
        assertThat(original.bandKeys()).containsAnyElementsOf(copy.bandKeys());
    }

    @Test
    void otherStoriesAreFarAndShareNoBand() {
        Fingerprint original = of(WireStories.ORIGINAL);

        for (String other : new String[] {WireStories.SAME_EVENT_OTHER_WRITER, WireStories.UNRELATED}) {
            assertThat(original.similarity(of(other))).isLessThan(0.2);
            assertThat(original.bandKeys()).doesNotContainAnyElementsOf(of(other).bandKeys());
        }
    }

    @Test
    void tooShortTextHasNoFingerprint() {
        assertThat(Fingerprint.of("Photo: AP. More to follow.")).isEmpty();
        assertThat(Fingerprint.of(null)).isEmpty();
        assertThat(Fingerprint.of("one two three four five six seven eight nine ten")).isPresent();
    }

    @Test
    void bandKeysNameTheirBand() {
        assertThat(of(WireStories.ORIGINAL).bandKeys())
                .hasSize(Fingerprint.BANDS)
                .allMatch(k -> k.matches("\\d\\d:[0-9a-f]{16}"))
                .doesNotHaveDuplicates();
        assertThat(of(WireStories.ORIGINAL).bandKeys().getFirst()).startsWith("00:");
    }

    @Test
    void signatureOfAGivenTextNeverChanges() {
        // Stored fingerprints (the dedup store, its changelog) are compared with new ones: a faster
        // hashing must give these very values, computed by the first implementation.
        assertThat(of("Talks between the two governments resumed in Geneva on Tuesday, with négociateurs from "
                + "both sides saying the gap on tariffs had narrowed.").toBase64())
                .isEqualTo("AQwWwwkbQvgY+si8LGiD6RUA6t4AaIaIAF3pqA3mXswH3aMMAtjG+QjdSzMEkG+cCFRdtyRbL5UFgcIHAZWfygLtehgHG6x9"
                        + "BVgi4yqA17sC9Vm/DoTJsBY9JTMajED/ApUalADeKD8CsMGJDv0vcQFHZGMOAZzdFnq4yST3R5EVay7UA3r75wyPm50jxFPm"
                        + "Cz8LlBtA1dsewI03CTxaUSMj4bID9OTPAMST/whbWpEFBoy4BgyG8Ab5yVgEboWKAwGMGQFIMqkPj67+HPpGCwOUVeUejvhO"
                        + "BfetdAC9V0USxuSzCvHsfwB5+P4Jua59G8G7ZwgA7jsDzUtSD2kiFw==");
    }

    @Test
    void survivesBytesAndJson() throws Exception {
        Fingerprint fingerprint = of(WireStories.ORIGINAL);
        ObjectMapper json = Json.mapper();
        KnownArticle seen = new KnownArticle(Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-02T10:00:00Z"), 12, fingerprint);

        assertThat(Fingerprint.fromBytes(fingerprint.toBytes())).isEqualTo(fingerprint);
        assertThat(json.readValue(json.writeValueAsBytes(seen), KnownArticle.class)).isEqualTo(seen);
        assertThatThrownBy(() -> Fingerprint.fromBytes(new byte[3])).hasMessageContaining("256 bytes");
    }
}
