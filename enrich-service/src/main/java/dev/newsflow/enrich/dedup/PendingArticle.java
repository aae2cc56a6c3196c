package dev.newsflow.enrich.dedup;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An enriched article (or a tombstone: null value) that {@link CopyResolver} holds until all its bands answered
 * and every earlier version of its id has gone out.
 *
 * @param expectedAnswers how many band answers to wait for (0 for tombstones and articles without fingerprint)
 */
record PendingArticle(byte[] value, long timestamp, List<StoredHeader> headers, int expectedAnswers) {

    PendingArticle {
        headers = List.copyOf(headers);
    }

    static List<StoredHeader> store(Headers headers) {
        return Arrays.stream(headers.toArray()).map(h -> new StoredHeader(h.key(), h.value())).toList();
    }

    Headers recordHeaders() {
        return new RecordHeaders(headers.stream().map(h -> (Header) new RecordHeader(h.key(), h.value())).toList());
    }

    /** A record header as stored: the value may be null. */
    record StoredHeader(String key, byte[] value) {
    }
}
