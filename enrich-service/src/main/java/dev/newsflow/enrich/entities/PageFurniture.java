package dev.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Drops names that are a web page's furniture rather than the story's: "All Rights Reserved",
 * "All Newsletters", "Copy Link URLCopied", "Must Read Bits & Bytes". A scraped page keeps some of
 * its menus and buttons, and the tagger reads their capitalised words as organizations. A mention
 * goes when one of its words, or two of them in a row, is what such furniture is made of, and
 * also when it is a plural of capitals ("LEDs", "PCs"), which names things, not people or
 * organizations.
 */
final class PageFurniture implements MentionRule {

    /** Words that name no person, organization or place in a news story, lower case. */
    private static final Set<String> WORDS = Set.of("newsletter", "newsletters", "subscribe",
            "unsubscribe", "cookie", "cookies", "advertisement", "sponsored", "login", "signup",
            "url", "urlcopied", "copied", "permalink", "homepage", "menu", "navigation", "sitemap", "rss");
    /** Two words in a row that are furniture together though each may be part of a name alone. */
    private static final Set<String> PAIRS = Set.of("rights reserved", "all rights", "copy link", "must read",
            "read more", "sign up", "sign in", "log in", "privacy policy", "terms of", "click here",
            "share this", "follow us", "skip to", "more stories", "related stories", "top stories",
            "all newsletters", "contact us", "about us", "most popular", "most read", "trending now");

    @Override
    public List<Mention> apply(List<Mention> mentions, String text) {
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            if (!isFurniture(m.text()) && !isCapitalsPlural(m.text())) {
                out.add(m);
            }
        }
        return out;
    }

    static boolean isFurniture(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        for (int i = 0; i < words.length; i++) {
            if (WORDS.contains(words[i]) || i > 0 && PAIRS.contains(words[i - 1] + " " + words[i])) {
                return true;
            }
        }
        return false;
    }

    /** "LEDs", "PCs", "SUVs": two or more capitals and a small s, alone. */
    static boolean isCapitalsPlural(String name) {
        int n = name.length();
        if (n < 3 || name.charAt(n - 1) != 's') {
            return false;
        }
        for (int i = 0; i < n - 1; i++) {
            if (!Character.isUpperCase(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
