package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a bearer key to the source it stands for.
 *
 * <p>Keys are kept as SHA-256 digests and a presented key is digested too, so every comparison is
 * between 32-byte arrays and {@link MessageDigest#isEqual} takes the same time whatever the key's
 * length or content. Every stored key is compared, with no early exit, so the answer time does not
 * tell which key (or how many) came close.
 */
public final class ApiKeys {

    private static final String BEARER = "bearer ";

    private final List<Entry> entries;

    private record Entry(byte[] digest, String source) {
    }

    public ApiKeys(List<ApiKey> keys) {
        List<Entry> list = new ArrayList<>();
        for (ApiKey key : keys) {
            list.add(new Entry(digest(key.key()), key.source()));
        }
        this.entries = List.copyOf(list);
    }

    /** The sources that have at least one key. */
    public Set<String> sources() {
        Set<String> sources = new TreeSet<>();
        entries.forEach(e -> sources.add(e.source()));
        return sources;
    }

    /** The source the key belongs to, or empty when no configured key matches. */
    public Optional<String> sourceFor(String presentedKey) {
        byte[] presented = digest(presentedKey);
        String match = null;
        for (Entry entry : entries) {
            // Deliberately no break: the loop runs over every key whatever matched.
            if (MessageDigest.isEqual(entry.digest(), presented)) {
                match = entry.source();
            }
        }
        return Optional.ofNullable(match);
    }

    /**
     * The source named by an {@code Authorization: Bearer <key>} header.
     *
     * @throws ProblemException 401 when the header is missing, not a bearer key, or the key is unknown
     */
    public String authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw unauthorized("an Authorization: Bearer <key> header is required");
        }
        String header = authorizationHeader.strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw unauthorized("the Authorization header must use the Bearer scheme");
        }
        String key = header.substring(BEARER.length()).strip();
        return sourceFor(key).orElseThrow(() -> unauthorized("the bearer key is not valid"));
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
