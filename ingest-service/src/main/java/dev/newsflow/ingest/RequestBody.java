package dev.newsflow.ingest;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body without ever holding more than the limit in memory. Javalin's own
 * {@code ctx.bodyAsBytes()} is not used: it has its own size setting and would read a body
 * sent without Content-Length (chunked) whole before any check.
 */
final class RequestBody {

    private RequestBody() {
    }

    /**
     * @throws ProblemException 413 when the declared or actual size exceeds {@code maxBytes},
     *                          400 when the body is empty
     */
    static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            // One byte past the limit is enough to know the limit was crossed.
            body = in.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            // Usually the client went away mid-upload; it is the client's failure, not a 500.
            throw ProblemException.badRequest("the request body could not be read: " + e.getMessage());
        }
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (body.length == 0) {
            throw ProblemException.badRequest("the request body is empty");
        }
        return body;
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(Problem.of(413, "Content Too Large",
                "the body is larger than the limit of " + maxBytes + " bytes").with("max_bytes", maxBytes));
    }
}
