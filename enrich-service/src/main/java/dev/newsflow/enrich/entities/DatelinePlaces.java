package dev.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names of a dateline are places: "CARDIFF 1996-08-31", "WIGAN , England 1996-08-31",
 * "WASHINGTON (Reuters) -". A wire story opens with the city it was filed from, in capitals, and
 * the tagger, seeing a capitalised word with no sentence around it, often calls it an organization
 * (a club of that city, in sports copy). A dateline is a line that opens with a name in capitals,
 * perhaps followed by more names after commas, and then a date or a bracket (the agency).
 */
final class DatelinePlaces implements MentionRule {

    private static final Set<String> MONTHS = Set.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december");

    @Override
    public List<Mention> apply(List<Mention> mentions, String text) {
        List<Mention> out = new ArrayList<>(mentions);
        int i = 0;
        while (i < out.size()) {
            Mention first = out.get(i);
            int j = i + 1;
            if (first.start() >= 0 && atLineStart(text, first.start()) && isCapitals(first.text())) {
                int end = first.end();
                while (j < out.size() && onlySeparators(text, end, out.get(j).start())) {
                    end = out.get(j).end();
                    j++;
                }
                if (datedAfter(text, end)) {
                    for (int k = i; k < j; k++) {
                        out.set(k, out.get(k).as(EntityType.PLACE));
                    }
                }
            }
            i = j;
        }
        return out;
    }

    private static boolean atLineStart(String text, int start) {
        int at = start;
        while (at > 0 && text.charAt(at - 1) == ' ') {
            at--;
        }
        return at == 0 || text.charAt(at - 1) == '\n';
    }

    /** Only commas and spaces between two names, at most a few. */
    private static boolean onlySeparators(String text, int from, int to) {
        if (to < from || to - from > 4) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != ',') {
                return false;
            }
        }
        return to > from;
    }

    /** After the names: spaces or a comma, then an ISO date, a month, or an opening bracket. */
    private static boolean datedAfter(String text, int end) {
        int at = end;
        while (at < text.length() && at - end < 3 && (text.charAt(at) == ' ' || text.charAt(at) == ',')) {
            at++;
        }
        if (at == end || at >= text.length()) {
            return false;
        }
        if (text.charAt(at) == '(') {
            return true;
        }
        if (isoDate(text, at)) {
            return true;
        }
        int wordEnd = at;
        while (wordEnd < text.length() && wordEnd - at < 10 && Character.isLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        return MONTHS.contains(text.substring(at, wordEnd).toLowerCase(Locale.ROOT));
    }

    private static boolean isoDate(String text, int at) {
        String shape = "dddd-dd-dd";
        if (at + shape.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < shape.length(); i++) {
            char c = text.charAt(at + i);
            if (shape.charAt(i) == 'd' ? !Character.isDigit(c) : c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isCapitals(String name) {
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }
}
