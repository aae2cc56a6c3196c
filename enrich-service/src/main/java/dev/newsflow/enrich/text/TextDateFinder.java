package dev.newsflow.enrich.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English-written calendar dates in text: "Sunday 24th of September 2023", "24 Sept. 2023",
 * "September 24, 2023", "2023-09-24". Written here because java.time parses one known format, not
 * dates somewhere inside free text in the several ways pages write them.
 */
final class TextDateFinder {

    private static final String WEEKDAY = "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "((?:19|20)\\d{2})";

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b" + WEEKDAY + DAY + "\\s+(?:of\\s+)?" + MONTH + ",?\\s+" + YEAR + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b" + WEEKDAY + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO = Pattern.compile("\\b" + YEAR + "-(\\d{2})-(\\d{2})\\b");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    /** Every valid date in the text, in the order they appear. */
    List<DateMention> findAll(String text) {
        List<DateMention> found = new ArrayList<>();
        collect(DAY_MONTH_YEAR.matcher(text), 1, 2, 3, found);
        collect(MONTH_DAY_YEAR.matcher(text), 2, 1, 3, found);
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)))
                    .ifPresent(d -> found.add(new DateMention(d, iso.start(), iso.end())));
        }
        found.sort(Comparator.comparingInt(DateMention::start));
        return found;
    }

    private static void collect(Matcher m, int dayGroup, int monthGroup, int yearGroup, List<DateMention> found) {
        while (m.find()) {
            int month = MONTHS.get(m.group(monthGroup).substring(0, 3).toLowerCase(Locale.ROOT));
            int start = m.start();
            int end = m.end();
            date(Integer.parseInt(m.group(yearGroup)), month, Integer.parseInt(m.group(dayGroup)))
                    .ifPresent(d -> found.add(new DateMention(d, start, end)));
        }
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            // "31 February 2023" reads like a date but is none; the text simply holds no date there.
            return Optional.empty();
        }
    }
}
