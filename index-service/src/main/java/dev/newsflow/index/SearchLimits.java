package dev.newsflow.index;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * What one search may cost, so readers cannot slow the indexer or overload Elasticsearch.
 *
 * @param maxConcurrent {@code NEWSFLOW_SEARCH_MAX_CONCURRENT}, default 16: searches (and article and
 *                      related reads) in flight at once; one more is answered 503 with {@code Retry-After}.
 *                      It is also the size of search's own connection pool, apart from the indexer's.
 * @param timeout       {@code NEWSFLOW_SEARCH_TIMEOUT}, default 5s: Elasticsearch stops searching after it
 *                      (the answer then holds what was found so far), and the client gives up one second later
 * @param cursorKey     {@code NEWSFLOW_SEARCH_CURSOR_KEY}, at least 16 characters: signs the paging cursors.
 *                      Unset, each start draws a random key, so cursors do not outlive a restart; instances
 *                      behind one address must share one key.
 */
public record SearchLimits(int maxConcurrent, Duration timeout, byte[] cursorKey) {

    /** The longest {@code q} accepted; longer ones are refused with 400, not cut. */
    public static final int MAX_QUERY_CHARS = 500;

    static SearchLimits fromEnv(Env env) {
        int maxConcurrent = env.integer("NEWSFLOW_SEARCH_MAX_CONCURRENT", 16);
        if (maxConcurrent < 1 || maxConcurrent > 1000) {
            throw new ConfigException("NEWSFLOW_SEARCH_MAX_CONCURRENT must be between 1 and 1000, got " + maxConcurrent);
        }
        Duration timeout = env.duration("NEWSFLOW_SEARCH_TIMEOUT", Duration.ofSeconds(5));
        if (timeout.toMillis() < 100) {
            throw new ConfigException("NEWSFLOW_SEARCH_TIMEOUT must be at least 100ms, got " + timeout);
        }
        byte[] key = env.find("NEWSFLOW_SEARCH_CURSOR_KEY").map(SearchLimits::key).orElseGet(SearchLimits::randomKey);
        return new SearchLimits(maxConcurrent, timeout, key);
    }

    private static byte[] key(String text) {
        if (text.length() < 16) {
            throw new ConfigException("NEWSFLOW_SEARCH_CURSOR_KEY must be at least 16 characters");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** Keeps the key out of logs. */
    @Override
    public String toString() {
        return "SearchLimits[maxConcurrent=" + maxConcurrent + ", timeout=" + timeout + "]";
    }
}
