package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a {@code Content-Type} header the parsers care about.
 *
 * @param type    {@code type/subtype}, lower case, without parameters
 * @param charset the {@code charset} parameter, when the client sent one
 */
public record MediaType(String type, Optional<Charset> charset) {

    /**
     * Reads a Content-Type header.
     *
     * @throws ProblemException 415 when the header is missing or names an unknown charset
     */
    public static MediaType parse(String header) {
        if (header == null || header.isBlank()) {
            throw unsupported("a Content-Type header is required");
        }
        String[] parts = header.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        Charset charset = null;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                charset = charset(parameter.substring(eq + 1).strip().replace("\"", ""));
            }
        }
        return new MediaType(type, Optional.ofNullable(charset));
    }

    /** The declared charset, else UTF-8, which every JSON and most feed payloads use. */
    public Charset charsetOrUtf8() {
        return charset.orElse(StandardCharsets.UTF_8);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw unsupported("charset \"" + name + "\" is not supported; send UTF-8");
        }
    }

    static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(415, "Unsupported Media Type", detail));
    }
}
