package dev.newsflow.index;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves the search page's few files from the class path. Core's {@code ServiceHttp} owns the Javalin
 * configuration, where static files would normally be declared, so the page is served by plain routes;
 * the files are read once at start-up, so a missing one fails the start, not a visitor's request.
 */
final class StaticFiles {

    /** Only our own files, no inline code: a snippet that slipped through escaping still could not run. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final Map<String, Served> files;

    private StaticFiles(Map<String, Served> files) {
        this.files = files;
    }

    /** One served file. */
    record Served(String resource, String contentType, byte[] bytes) {
    }

    /** {@code GET /} (index.html), {@code /app.css} and {@code /app.js} from {@code public/}. */
    static StaticFiles searchPage() {
        Map<String, Served> files = new LinkedHashMap<>();
        files.put("/", load("public/index.html", "text/html; charset=utf-8"));
        files.put("/app.css", load("public/app.css", "text/css; charset=utf-8"));
        files.put("/app.js", load("public/app.js", "text/javascript; charset=utf-8"));
        return new StaticFiles(files);
    }

    void register(RoutesConfig routes) {
        files.forEach((path, file) -> routes.get(path, ctx -> serve(ctx, file)));
    }

    Map<String, Served> files() {
        return files;
    }

    private static void serve(Context ctx, Served file) {
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.contentType(file.contentType());
        ctx.result(file.bytes());
    }

    private static Served load(String resource, String contentType) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new Served(resource, contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
