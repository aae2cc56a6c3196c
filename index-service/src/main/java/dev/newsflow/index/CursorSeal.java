package dev.newsflow.index;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the paging cursors this service hands out (HMAC-SHA256, cut to 16 bytes) and opens only those,
 * so a cursor that was made up or edited is a 400 before Elasticsearch sees its values, not a 503 after.
 * The form is {@code <cursor>.<signature>}, both URL-safe Base64.
 */
final class CursorSeal {

    private static final int SIGNATURE_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    CursorSeal(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    String seal(SearchCursor cursor) {
        String body = cursor.encode();
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature(body));
    }

    /** The cursor a client sent back, if this service (or one sharing its key) signed it; else a 400 naming {@code cursor}. */
    SearchCursor open(String text) {
        int dot = text.lastIndexOf('.');
        if (dot < 0) {
            throw invalid();
        }
        String body = text.substring(0, dot);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(text.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(signature, signature(body))) {
            throw invalid();
        }
        return SearchCursor.decode(body);
    }

    private byte[] signature(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), SIGNATURE_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
        }
    }

    static ProblemException invalid() {
        return new ProblemException(Problem.of(400, "Bad Request",
                "cursor is not one this service handed out; start again without it").with("parameter", "cursor"));
    }
}
