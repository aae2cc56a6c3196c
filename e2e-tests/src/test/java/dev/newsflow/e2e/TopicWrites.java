package dev.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of one source on a pipeline topic (raw or enriched), each reduced to what identifies
 * the write it stands for: its place in the log, the article id and version, or a kill, and whether it
 * is enrich's second send of a near-duplicate, marked with {@code duplicate_of}.
 */
final class TopicWrites {

    /**
     * @param version the article's version; for a kill, the version of the raw kill, or -1 on the
     *                enriched topic, where a kill is a tombstone without a value
     * @param marked  the record names the original it copies: on the enriched topic, the copy sent again
     */
    record Write(int partition, long offset, String id, long version, boolean kill, boolean marked) {

        /** What the write is, regardless of where in the log: "id v3", "id kill". */
        String label() {
            return kill ? id + " kill" : id + " v" + version;
        }
    }

    private TopicWrites() {
    }

    /**
     * The writes of {@code source}, in log order per partition. A tombstone carries no source, so it
     * is taken for one of the source's when an earlier record with its key was.
     */
    static List<Write> of(List<ConsumerRecord<byte[], byte[]>> records, String source) {
        Set<String> ids = new HashSet<>();
        List<Write> writes = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.key() == null) {
                continue;
            }
            String id = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                if (ids.contains(id)) {
                    writes.add(new Write(record.partition(), record.offset(), id, -1, true, false));
                }
                continue;
            }
            JsonNode value = read(record.value());
            if (source.equals(value.path("source").asText())) {
                ids.add(id);
                writes.add(new Write(record.partition(), record.offset(), id, value.path("version").asLong(),
                        "canceled".equals(value.path("pubstatus").asText()), value.hasNonNull("duplicate_of")));
            }
        }
        return writes;
    }

    private static JsonNode read(byte[] value) {
        try {
            return Json.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a record on a pipeline topic is not JSON", e);
        }
    }
}
