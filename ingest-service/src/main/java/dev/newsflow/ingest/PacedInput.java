package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * A request body that must keep its {@link BodyPace}: checked around every read, so a body that trickles
 * in byte by byte is cut off with 408 within a second of falling behind. A client that sends nothing at
 * all blocks the read until Jetty's idle timeout ends it.
 */
final class PacedInput extends FilterInputStream {

    private final BodyPace pace;
    private final LongSupplier nanoTime;
    private final long start;
    private long bytes;

    PacedInput(InputStream in, BodyPace pace, LongSupplier nanoTime) {
        super(in);
        this.pace = pace;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    @Override
    public int read() throws IOException {
        check();
        int b = super.read();
        if (b >= 0) {
            bytes++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        check();
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            bytes += n;
        }
        return n;
    }

    private void check() {
        long elapsedNanos = nanoTime.getAsLong() - start;
        if (elapsedNanos > pace.timeout().toNanos()) {
            throw tooSlow("the request body was not complete after " + pace.timeout().toSeconds() + "s");
        }
        if (elapsedNanos > pace.grace().toNanos() && bytes * 1_000_000_000.0 / elapsedNanos < pace.minRate()) {
            throw tooSlow("the request body arrived at " + Math.round(bytes * 1e9 / elapsedNanos)
                    + " bytes/s, below the minimum of " + pace.minRate() + " bytes/s");
        }
    }

    private static ProblemException tooSlow(String detail) {
        return new ProblemException(Problem.of(408, "Request Timeout", detail + "; send the body in one go"));
    }
}
