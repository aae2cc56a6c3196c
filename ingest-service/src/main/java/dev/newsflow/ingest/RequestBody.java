package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body without ever holding more than the limit in memory, nor more than its
 * admission covers. Javalin's own {@code ctx.bodyAsBytes()} is not used: it has its own size setting
 * and would read a body sent without Content-Length (chunked) whole before any check.
 */
final class RequestBody {

    /** How much of a chunked body is reserved and read at a time. */
    private static final int CHUNK = 64 * 1024;

    private RequestBody() {
    }

    /**
     * The Content-Length the client declared, or -1 for a chunked body.
     *
     * @throws ProblemException 413 when it exceeds {@code maxBytes}
     */
    static long declaredLength(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return declared;
    }

    /**
     * Reads the body. A declared length was admitted whole beforehand; a chunked body is admitted chunk
     * by chunk before each is read, so a burst of chunked uploads cannot fill the heap either.
     *
     * @throws ProblemException 413 when the actual size exceeds {@code maxBytes}, 400 when the body is
     *                          empty or breaks off, 429 when the admission cannot grow to cover it, 408 when
     *                          it falls behind its {@link BodyPace}
     */
    static byte[] read(Context ctx, long maxBytes, InflightLimit.Admission admission, BodyPace pace) {
        long declared = ctx.req().getContentLengthLong();
        byte[] body;
        try (InputStream in = new PacedInput(ctx.req().getInputStream(), pace, System::nanoTime)) {
            // Jetty enforces a declared length, so no byte beyond it can arrive.
            body = declared >= 0 ? in.readNBytes((int) declared) : readChunked(in, maxBytes, admission);
        } catch (IOException e) {
            // Usually the client went away mid-upload; it is the client's failure, not a 500.
            throw ProblemException.badRequest("the request body could not be read: " + e.getMessage());
        }
        if (body.length == 0) {
            throw ProblemException.badRequest("the request body is empty");
        }
        return body;
    }

    private static byte[] readChunked(InputStream in, long maxBytes, InflightLimit.Admission admission)
            throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (true) {
            // One byte past the limit is enough to know the limit was crossed.
            int want = (int) Math.min(CHUNK, maxBytes + 1 - total);
            if (!admission.cover(total + want)) {
                throw admission.refusal();
            }
            byte[] chunk = in.readNBytes(want);
            chunks.add(chunk);
            total += chunk.length;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            if (chunk.length < want) {
                break;
            }
        }
        byte[] body = new byte[(int) total];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, body, at, chunk.length);
            at += chunk.length;
        }
        return body;
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(Problem.of(413, "Content Too Large",
                "the body is larger than the limit of " + maxBytes + " bytes").with("max_bytes", maxBytes));
    }
}
