package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on work in flight: requests being handled and the bytes of their bodies. A request is
 * admitted before its body is read; one that would cross either bound is refused at once (429), so
 * a burst costs headers, not heap, and Jetty keeps threads free to answer it.
 *
 * <p>Bytes are reserved as the body arrives when its length is not declared (chunked), so a
 * chunked body is held to the same bound as one with a Content-Length.
 */
final class InflightLimit implements MeterBinder {

    private final long maxBytes;
    private final int maxRequests;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();

    InflightLimit(long maxBytes, int maxRequests) {
        if (maxBytes < 1 || maxRequests < 1) {
            throw new IllegalArgumentException("limits must be positive, got " + maxBytes + " bytes, "
                    + maxRequests + " requests");
        }
        this.maxBytes = maxBytes;
        this.maxRequests = maxRequests;
    }

    /**
     * Admits one request holding {@code initialBytes} of body, when both bounds allow it.
     *
     * @return the admission to close once the request is answered; empty when the service is full
     */
    Optional<Admission> tryAdmit(long initialBytes) {
        if (requests.incrementAndGet() > maxRequests) {
            requests.decrementAndGet();
            return Optional.empty();
        }
        Admission admission = new Admission();
        if (!admission.cover(initialBytes)) {
            requests.decrementAndGet();
            return Optional.empty();
        }
        return Optional.of(admission);
    }

    /** The 429 for a request that does not fit; the caller adds {@code Retry-After}. */
    ProblemException refusal() {
        return new ProblemException(Problem.of(429, "Too Many Requests",
                "ingest is handling all it may at once (at most " + maxRequests + " requests and " + maxBytes
                        + " bytes of bodies); retry shortly")
                .with("reason", "overloaded"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("newsflow.ingest.inflight.bytes", bytes, AtomicLong::get)
                .description("bytes of request bodies admitted and not yet answered")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("newsflow.ingest.inflight.requests", requests, AtomicInteger::get)
                .description("requests admitted and not yet answered")
                .register(registry);
    }

    private boolean reserve(long more) {
        long current;
        do {
            current = bytes.get();
            if (current + more > maxBytes) {
                return false;
            }
        } while (!bytes.compareAndSet(current, current + more));
        return true;
    }

    /** One admitted request's share of the bounds; closing it twice releases once. */
    final class Admission implements AutoCloseable {

        private long held;
        private boolean closed;

        /**
         * Makes sure this request holds at least {@code totalBytes}, reserving the difference.
         *
         * @return false when the difference does not fit; what is already held stays held
         */
        boolean cover(long totalBytes) {
            long more = totalBytes - held;
            if (more <= 0) {
                return true;
            }
            if (!reserve(more)) {
                return false;
            }
            held = totalBytes;
            return true;
        }

        /** The 429 for a body that outgrew what this request could reserve. */
        ProblemException refusal() {
            return InflightLimit.this.refusal();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                bytes.addAndGet(-held);
                requests.decrementAndGet();
            }
        }
    }
}
