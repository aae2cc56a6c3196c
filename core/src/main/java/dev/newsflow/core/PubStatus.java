package dev.newsflow.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The publishing status of a story, as wire feeds send it (IPTC pubStatus). */
public enum PubStatus {
    USABLE, WITHHELD, CANCELED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the wire name, case-insensitively and with or without an IPTC "stat:" prefix.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    @JsonCreator
    public static PubStatus parse(String value) {
        String name = value.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("stat:")) {
            name = name.substring("stat:".length());
        }
        return switch (name) {
            case "usable" -> USABLE;
            case "withheld" -> WITHHELD;
            case "canceled", "cancelled" -> CANCELED;
            default -> throw new IllegalArgumentException(
                    "pubstatus must be one of usable, withheld, canceled; got \"" + value + "\"");
        };
    }
}
