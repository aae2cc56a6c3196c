package dev.newsflow.e2e;

import dev.newsflow.stack.ServiceJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values out of a Prometheus text exposition, the way a dashboard query would. */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String text;

    PrometheusText(String text) {
        this.text = text;
    }

    /** The service's {@code /metrics}, as Prometheus would scrape it. */
    static PrometheusText scrape(ServiceJvm service) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.uri("/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(service.name() + " /metrics answered " + response.statusCode());
            }
            return new PrometheusText(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + service.name() + " /metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + service.name() + " /metrics", e);
        }
    }

    /** The sum of every sample of {@code name} whose labels include all of {@code labels}. */
    double sum(String name, Map<String, String> labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.find() && m.group(1).equals(name) && hasLabels(m.group(3), labels)) {
                total += Double.parseDouble(m.group(4));
            }
        }
        return total;
    }

    double sum(String name) {
        return sum(name, Map.of());
    }

    /** Whether any sample of {@code name} is exposed at all. */
    boolean has(String name) {
        return text.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }

    private static boolean hasLabels(String exposed, Map<String, String> wanted) {
        String labels = exposed == null ? "" : exposed;
        return wanted.entrySet().stream().allMatch(e -> labels.contains(e.getKey() + "=\"" + e.getValue() + "\""));
    }
}
