package dev.newsflow.ingest;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import java.time.Duration;

/**
 * How fast a request body must arrive. A feed that trickles its body holds a request slot the whole
 * time, so a few hundred such connections would leave none for real feeds; these bounds cut them off
 * while any real uplink passes with room to spare.
 *
 * @param timeout      {@code NEWSFLOW_INGEST_BODY_TIMEOUT}, default 60s: the whole body must be read by then
 * @param minRate      {@code NEWSFLOW_INGEST_MIN_BODY_RATE}, default 8KiB (a second): the average rate the body
 *                     must keep once {@code grace} has passed
 * @param grace        {@code NEWSFLOW_INGEST_BODY_GRACE}, default 5s: time to get going (TLS, a slow first
 *                     packet) before the rate counts
 */
public record BodyPace(Duration timeout, long minRate, Duration grace) {

    public static final BodyPace DEFAULT = new BodyPace(Duration.ofSeconds(60), 8 * 1024, Duration.ofSeconds(5));

    public BodyPace {
        if (timeout.isNegative() || timeout.isZero() || grace.isNegative() || grace.compareTo(timeout) > 0 || minRate < 0) {
            throw new IllegalArgumentException("body pace needs 0 < grace <= timeout and a rate >= 0, got " + timeout
                    + ", " + grace + ", " + minRate);
        }
    }

    static BodyPace fromEnv(Env env) {
        Duration timeout = env.duration("NEWSFLOW_INGEST_BODY_TIMEOUT", DEFAULT.timeout());
        long minRate = env.bytes("NEWSFLOW_INGEST_MIN_BODY_RATE", DEFAULT.minRate());
        Duration grace = env.duration("NEWSFLOW_INGEST_BODY_GRACE", DEFAULT.grace());
        try {
            return new BodyPace(timeout, minRate, grace);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("NEWSFLOW_INGEST_BODY_TIMEOUT, NEWSFLOW_INGEST_BODY_GRACE and "
                    + "NEWSFLOW_INGEST_MIN_BODY_RATE: " + e.getMessage());
        }
    }
}
