package dev.newsflow.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Article identity (DESIGN.md): the first 32 hex digits of SHA-256 over
 * {@code source + "\n" + guid}, so the same story sent twice gets the same id.
 */
public final class ArticleId {

    private ArticleId() {
    }

    /** The id of the story {@code guid} from {@code source}. */
    public static String of(String source, String guid) {
        return sha256Hex(source + "\n" + guid).substring(0, 32);
    }

    /**
     * The guid to use when the feed sent none: the canonical URL when there is one,
     * else a digest of title and body, so a re-sent copy still maps to the same id.
     */
    public static String fallbackGuid(String url, String title, String body) {
        if (url != null && !url.isBlank()) {
            return url.trim();
        }
        String text = (title == null ? "" : title.strip()) + "\n" + (body == null ? "" : body.strip());
        return "sha256:" + sha256Hex(text);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
