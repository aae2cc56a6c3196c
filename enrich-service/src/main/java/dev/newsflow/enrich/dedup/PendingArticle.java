package dev.newsflow.enrich.dedup;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An enriched article version, as it went out, held ({@link HeldVersions}) until all its bands answered: should
 * they name an original, {@link CopyResolver} sends it again marked.
 *
 * @param expectedAnswers how many band answers it waits for
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
