package dev.newsflow.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How a Newsflow process authenticates to Elasticsearch: not at all (a local node without
 * security), HTTP basic, or an API key. {@code toString} never shows the secret.
 */
public record EsCredentials(String kind, String username, String password, String apiKey) {

    public static final EsCredentials NONE = new EsCredentials("none", null, null, null);

    /**
     * Reads {@code NEWSFLOW_ES_USERNAME}/{@code NEWSFLOW_ES_PASSWORD} or {@code NEWSFLOW_ES_API_KEY}.
     *
     * @throws ConfigException when both kinds, or half a username/password pair, are set
     */
    public static EsCredentials fromEnv(Env env) {
        Optional<String> user = env.find("NEWSFLOW_ES_USERNAME");
        Optional<String> password = env.find("NEWSFLOW_ES_PASSWORD");
        Optional<String> apiKey = env.find("NEWSFLOW_ES_API_KEY");
        if (apiKey.isPresent() && (user.isPresent() || password.isPresent())) {
            throw new ConfigException("set either NEWSFLOW_ES_API_KEY or NEWSFLOW_ES_USERNAME/NEWSFLOW_ES_PASSWORD, not both");
        }
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigException(user.isPresent()
                    ? "NEWSFLOW_ES_PASSWORD must be set when NEWSFLOW_ES_USERNAME is"
                    : "NEWSFLOW_ES_USERNAME must be set when NEWSFLOW_ES_PASSWORD is");
        }
        if (apiKey.isPresent()) {
            return apiKey(apiKey.get());
        }
        return user.map(u -> basic(u, password.get())).orElse(NONE);
    }

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
