package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.ServiceHttp;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The search page's files, served by the same kind of app the service runs. */
class StaticFilesTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        app = ServiceHttp.create(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Map.of(),
                routes -> StaticFiles.searchPage().register(routes));
        app.start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void thePageIsHtmlAtTheRoot() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(contentType(page)).isEqualTo("text/html;charset=utf-8");
        assertThat(page.body()).contains("id=\"search-form\"", "src=\"/app.js\"", "href=\"/app.css\"", "name=\"viewport\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    }

    @Test
    void scriptAndStylesheetHaveTheirTypes() throws Exception {
        HttpResponse<String> script = get("/app.js");
        HttpResponse<String> style = get("/app.css");

        assertThat(contentType(script)).isEqualTo("text/javascript;charset=utf-8");
        assertThat(contentType(style)).isEqualTo("text/css;charset=utf-8");
        assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // API text reaches the page as text nodes only; markup from a snippet is rebuilt, never parsed.
        assertThat(script.body()).doesNotContain("innerHTML", "insertAdjacentHTML", "document.write", "eval(");
        assertThat(style.body()).contains("@media");
    }

    /** Jetty writes the type without the space after the semicolon; compare what a browser reads. */
    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
