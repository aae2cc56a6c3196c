package dev.newsflow.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;

/**
 * The records handed to the producer and not yet acknowledged (or failed), in approximate bytes. The
 * producer's own buffer is bounded too, but when it is full {@code send} blocks for up to
 * {@code max.block.ms}, holding a request thread; keeping our own count below that buffer lets a request
 * be answered 503 at once instead. Records of requests that were already answered 503 still count until
 * the producer gives up on them, since they still occupy its buffer.
 */
final class KafkaBacklog implements MeterBinder {

    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();

    /** @param maxBytes the most bytes awaiting acknowledgement before requests are turned away */
    KafkaBacklog(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the backlog bound must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Reserves room for records about to be sent. An empty backlog always admits, so a request larger
     * than the bound alone can still go through (the producer's own size limits decide on it).
     *
     * @return false when the records do not fit beside what is waiting already
     */
    boolean tryReserve(long more) {
        long current;
        do {
            current = bytes.get();
            if (current > 0 && current + more > maxBytes) {
                return false;
            }
        } while (!bytes.compareAndSet(current, current + more));
        return true;
    }

    /**
     * The send callback of one record: frees its bytes when Kafka acknowledged or failed it. Calling it
     * again (the error path after a {@code send} that threw) frees nothing more.
     */
    Callback release(long recordBytes) {
        AtomicBoolean done = new AtomicBoolean();
        return (metadata, exception) -> {
            if (done.compareAndSet(false, true)) {
                bytes.addAndGet(-recordBytes);
            }
        };
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("newsflow.ingest.kafka.backlog.bytes", bytes, AtomicLong::get)
                .description("approximate bytes of records sent to Kafka and not yet acknowledged")
                .baseUnit("bytes")
                .register(registry);
    }
}
