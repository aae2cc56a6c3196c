package dev.newsflow.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error answer.
 *
 * @param extensions extra members such as {@code field} or {@code line}, written beside the standard ones
 */
public record Problem(String type, String title, int status, String detail,
                      @JsonIgnore Map<String, Object> extensions) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, Map.of());
    }

    /** The same problem with one more extension member, such as {@code field}. */
    public Problem with(String name, Object value) {
        var more = new java.util.LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, more);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }
}
