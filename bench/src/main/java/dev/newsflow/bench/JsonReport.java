package dev.newsflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.core.Json;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The report as JSON for tools and for comparing runs: the records as they are, each figure with
 * its ratio, and every figure that could not be measured (NaN) as {@code null}, which JSON can hold.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(BenchReport report) {
        ObjectNode root = Json.mapper().valueToTree(report);
        ArrayNode figures = (ArrayNode) root.get("figures");
        for (int i = 0; i < figures.size(); i++) {
            ObjectNode node = (ObjectNode) figures.get(i);
            Figure figure = report.figures().get(i);
            node.put("ratio", figure.ratio());
            figure.met().ifPresent(ok -> node.put("target_met", ok));
        }
        ArrayNode costs = (ArrayNode) root.get("costs");
        for (int i = 0; i < costs.size(); i++) {
            ((ObjectNode) costs.get(i)).put("cpu_seconds_per_1000", report.costs().get(i).cpuSecondsPer1000());
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(nanToNull(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode nanToNull(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(nanToNull(field.getValue()));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, nanToNull(array.get(i)));
            }
        } else if (node.isNumber() && (Double.isNaN(node.doubleValue()) || Double.isInfinite(node.doubleValue()))) {
            return Json.mapper().nullNode();
        }
        return node;
    }
}
