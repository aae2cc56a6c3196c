package dev.newsflow.index;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How the service authenticates to Elasticsearch: not at all (a local node without security),
 * HTTP basic, or an API key. {@code toString} never shows the secret.
 */
public record EsCredentials(String kind, String username, String password, String apiKey) {

    public static final EsCredentials NONE = new EsCredentials("none", null, null, null);

    public static EsCredentials basic(String username, String password) {
        return new EsCredentials("basic", username, password, null);
    }

    public static EsCredentials apiKey(String apiKey) {
        return new EsCredentials("api-key", null, null, apiKey);
    }

    /** The value of the {@code Authorization} header, when there is one. */
    public Optional<String> authorization() {
        if (apiKey != null) {
            return Optional.of("ApiKey " + apiKey);
        }
        if (username != null) {
            byte[] pair = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "EsCredentials[" + kind + (username == null ? "" : ", username=" + username) + "]";
    }
}
