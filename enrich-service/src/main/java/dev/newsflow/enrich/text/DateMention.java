package dev.newsflow.enrich.text;

import java.time.LocalDate;

/** A calendar date written in a text, and where: {@code text.substring(start, end)} is how it was written. */
record DateMention(LocalDate date, int start, int end) {
}
