package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which near-duplicates one reader's search hides. A copy ({@code duplicate_of} set) is hidden only
 * behind an original that the same query and filters also find; where the original is not among them
 * (another source filtered out, or the original killed and deleted), the earliest matching copy stands
 * in for it and the other copies fold under that one.
 *
 * <p>Two small searches decide it before the page is fetched: the originals that the reader's matching
 * copies point to, each with its earliest matching copy, then which of those originals the reader's
 * query finds itself.
 */
final class DuplicateFolding {

    static final String DUPLICATE_OF = "duplicate_of";

    /**
     * Past this many originals behind the matching copies, every copy is hidden as before this class
     * existed: a broad query over a large index would otherwise send tens of thousands of ids back.
     */
    static final int MAX_ORIGINALS = 10_000;

    /** Hides every copy: the rule when nothing more is known. */
    static final Query HIDE_ALL = Query.of(q -> q.exists(e -> e.field(DUPLICATE_OF)));

    private static final Logger log = LoggerFactory.getLogger(DuplicateFolding.class);
    private static final String ORIGINALS = "originals";
    private static final String EARLIEST = "earliest";

    private final ElasticsearchClient es;
    private final String alias;

    DuplicateFolding(ElasticsearchClient es, String alias) {
        this.es = es;
        this.alias = alias;
    }

    /** The copies to leave out of this reader's results: a query for {@code must_not}. */
    Query hidden(Query reader, String timeout) throws IOException {
        Map<String, String> earliestCopy = originalsBehindCopies(reader, timeout);
        if (earliestCopy == null || earliestCopy.isEmpty()) {
            return HIDE_ALL;
        }
        Set<String> visible = visibleOriginals(reader, earliestCopy.keySet(), timeout);
        List<FieldValue> standIns = new ArrayList<>();
        earliestCopy.forEach((original, copy) -> {
            if (!visible.contains(original)) {
                standIns.add(FieldValue.of(copy));
            }
        });
        if (standIns.isEmpty()) {
            return HIDE_ALL;
        }
        List<String> ids = standIns.stream().map(FieldValue::stringValue).toList();
        return Query.of(q -> q.bool(b -> b
                .filter(HIDE_ALL)
                .mustNot(n -> n.ids(i -> i.values(ids)))));
    }

    /** Original id → id of its earliest copy the reader's query finds; null when there are too many. */
    private Map<String, String> originalsBehindCopies(Query reader, String timeout) throws IOException {
        SearchResponse<Void> response = es.search(s -> s
                .index(alias)
                .size(0)
                .timeout(timeout)
                .query(q -> q.bool(b -> b.must(reader).filter(HIDE_ALL)))
                .aggregations(ORIGINALS, a -> a
                        .terms(t -> t.field(DUPLICATE_OF).size(MAX_ORIGINALS + 1))
                        .aggregations(EARLIEST, top -> top.topHits(h -> h
                                .size(1)
                                .source(src -> src.fetch(false))
                                .sort(o -> o.field(f -> f.field("ingested_at").order(SortOrder.Asc)))
                                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))))), Void.class);
        Aggregate originals = response.aggregations().get(ORIGINALS);
        if (originals == null || !originals.isSterms()) {
            return Map.of();
        }
        List<StringTermsBucket> buckets = originals.sterms().buckets().array();
        if (buckets.size() > MAX_ORIGINALS) {
            log.debug("{} originals behind the matching copies; all copies stay hidden", buckets.size());
            return null;
        }
        Map<String, String> earliest = new LinkedHashMap<>();
        for (StringTermsBucket bucket : buckets) {
            var top = bucket.aggregations().get(EARLIEST).topHits().hits().hits();
            if (!top.isEmpty()) {
                earliest.put(bucket.key().stringValue(), top.getFirst().id());
            }
        }
        return earliest;
    }

    /** Those of the originals that the reader's query finds. */
    private Set<String> visibleOriginals(Query reader, Set<String> originals, String timeout) throws IOException {
        List<String> ids = List.copyOf(originals);
        SearchResponse<Void> response = es.search(s -> s
                .index(alias)
                .size(ids.size())
                .timeout(timeout)
                .source(src -> src.fetch(false))
                .query(q -> q.bool(b -> b
                        .must(reader)
                        .filter(f -> f.ids(i -> i.values(ids)))
                        .mustNot(HIDE_ALL))), Void.class);
        Set<String> visible = new HashSet<>();
        response.hits().hits().forEach(hit -> visible.add(hit.id()));
        return visible;
    }
}
