package dev.newsflow.cli;

import java.time.Duration;

/** Shortening and humanising for the operator screens. */
public final class Text {

    private Text() {
    }

    public static String abbreviate(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        return text.length() <= maxChars ? text : text.substring(0, Math.max(0, maxChars - 1)) + "…";
    }

    /** A duration the way an operator reads it: {@code 42s}, {@code 5m}, {@code 3h12m}, {@code 2d4h}. */
    public static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            long minutes = seconds / 60 % 60;
            return seconds / 3600 + "h" + (minutes == 0 ? "" : minutes + "m");
        }
        long hours = seconds / 3600 % 24;
        return seconds / 86_400 + "d" + (hours == 0 ? "" : hours + "h");
    }
}
