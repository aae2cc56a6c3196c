package dev.newsflow.enrich.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns language codes into the shortest ISO 639 code, as BCP 47 wants: "eng" → "en", "cmn" → "zh",
 * "en-GB" → "en". The JDK knows the ISO 639-1/639-2 pairs; the detector also answers with a few
 * ISO 639-3 individual languages, mapped here to their macrolanguage's two-letter code.
 * A language without a two-letter code keeps its three letters ("ceb").
 */
public final class LanguageCodes {

    private static final Map<String, String> TO_TWO_LETTERS = table();

    private LanguageCodes() {
    }

    /** The normal form of a language code or tag, or null for blank input. */
    public static String normalize(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        // Region and script subtags do not matter for search facets: "en-GB" and "en_US" are "en".
        String primary = code.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return TO_TWO_LETTERS.getOrDefault(primary, primary);
    }

    private static Map<String, String> table() {
        Map<String, String> table = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            table.put(Locale.of(two).getISO3Language(), two);
        }
        // Bibliographic ISO 639-2 codes that some feeds send instead of the terminology ones the JDK returns.
        table.putAll(Map.of("fre", "fr", "ger", "de", "dut", "nl", "chi", "zh", "per", "fa", "cze", "cs",
                "gre", "el", "alb", "sq", "arm", "hy", "geo", "ka"));
        // Individual languages the langdetect-183 model names, inside macrolanguages that have a two-letter code.
        table.putAll(Map.of("cmn", "zh", "pes", "fa", "lvs", "lv", "ekk", "et", "plt", "mg", "pnb", "pa",
                "zsm", "ms", "arb", "ar"));
        return Map.copyOf(table);
    }
}
