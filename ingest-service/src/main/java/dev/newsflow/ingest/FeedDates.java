package dev.newsflow.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the timestamps of IPTC documents (ninjs, NewsML-G2). Besides full ISO-8601 date-times it accepts
 * the "truncated date-times" both standards allow (a date, a year-month, a year) and a date-time without
 * a zone, each taken as UTC: wire feeds send these, and a story dated to the day is still worth ordering.
 */
final class FeedDates {

    private FeedDates() {
    }

    /** The instant the text names, or empty when it is not a date this class reads. */
    static Optional<Instant> parse(String text) {
        String value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            // Fall through to the truncated forms, tried from the most to the least precise.
        }
        try {
            if (value.contains("T")) {
                return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            }
            return switch (value.length()) {
                case 10 -> Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
                case 7 -> Optional.of(YearMonth.parse(value).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
                case 4 -> Optional.of(Year.parse(value).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
                default -> Optional.empty();
            };
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** What a feed is told when its date cannot be read. */
    static String expected() {
        return "an ISO-8601 date-time such as 2024-05-01T12:30:00Z or 2024-05-01T14:30:00+02:00 (or a date, 2024-05-01)";
    }
}
