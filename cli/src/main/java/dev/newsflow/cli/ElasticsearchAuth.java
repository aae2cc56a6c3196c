package dev.newsflow.cli;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How the tools authenticate to Elasticsearch, read from the variables index-service reads.
 * {@code toString} never shows the secret.
 *
 * @param authorization the {@code Authorization} header value, or null for a node without security
 */
public record ElasticsearchAuth(String kind, String authorization) {

    public static final ElasticsearchAuth NONE = new ElasticsearchAuth("none", null);

    public static ElasticsearchAuth fromEnv(Env env) {
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
            return new ElasticsearchAuth("api-key", "ApiKey " + apiKey.get());
        }
        return user.map(u -> {
            byte[] pair = (u + ":" + password.get()).getBytes(StandardCharsets.UTF_8);
            return new ElasticsearchAuth("basic", "Basic " + Base64.getEncoder().encodeToString(pair));
        }).orElse(NONE);
    }

    public Optional<String> header() {
        return Optional.ofNullable(authorization);
    }

    @Override
    public String toString() {
        return "ElasticsearchAuth[" + kind + "]";
    }
}
