package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.PubStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Searches the articles behind the alias: full text over title (weighted) and body, keyword filters
 * on entities, language and source, a date range, facets, highlighted snippets and cursor paging
 * ({@code search_after}, stable under concurrent indexing unlike {@code from}). Duplicates
 * ({@code duplicate_of} set) are folded under their original unless asked for.
 */
public final class ArticleSearch {

    static final int SNIPPET_CHARS = 200;
    static final int FACET_SIZE = 10;
    private static final String DUPLICATE_OF = DuplicateFolding.DUPLICATE_OF;
    /** Facet name in the answer, keyword field in the index. */
    static final Map<String, String> FACETS = facets();
    private static final List<String> HIT_FIELDS = List.of("id", "duplicate_of", "title", "source", "published_at", "ingested_at",
            "language", "people", "organizations", "places", "topics");

    /** How much of a story {@code /related} compares: its title and the opening of its body. */
    static final int RELATED_BODY_WORDS = 300;

    /**
     * The query syntax readers get: phrases, {@code -}, {@code |}, {@code +}, brackets and a trailing
     * {@code *} ({@link QueryText} bounds it). Fuzzy {@code ~N} and phrase slop are off: each turns one
     * word into a search over many terms, which a reader could multiply at will.
     */
    static final List<SimpleQueryStringFlag> QUERY_SYNTAX = List.of(SimpleQueryStringFlag.And, SimpleQueryStringFlag.Or,
            SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Precedence,
            SimpleQueryStringFlag.Whitespace, SimpleQueryStringFlag.Escape, SimpleQueryStringFlag.Prefix);

    private final ElasticsearchClient es;
    private final String alias;
    private final Duration timeout;
    private final CursorSeal cursors;
    private final DuplicateFolding folding;
    private final InstantSource clock;

    /**
     * @param es     a client for searching only, apart from the indexer's (see {@link ElasticsearchClients#forSearch})
     * @param limits the time budget of one search and the key that signs cursors
     * @param clock  decides which embargoes have passed
     */
    public ArticleSearch(ElasticsearchClient es, String alias, SearchLimits limits, InstantSource clock) {
        this.es = es;
        this.alias = alias;
        this.clock = clock;
        this.timeout = limits.timeout();
        this.cursors = new CursorSeal(limits.cursorKey());
        this.folding = new DuplicateFolding(es, alias);
    }

    /** Reads and signs the paging cursors of this service. */
    CursorSeal cursors() {
        return cursors;
    }

    public SearchResult search(SearchQuery query) throws IOException {
        Instant now = clock.instant();
        Query hidden = query.includeDuplicates() ? null : folding.hidden(readerQuery(query, now), millis(timeout));
        SearchResponse<EnrichedArticle> response = es.search(request(alias, query, timeout, hidden, now), EnrichedArticle.class);
        List<Hit<EnrichedArticle>> hits = response.hits().hits();
        // One hit more than asked for tells whether a next page exists without an empty last page.
        List<Hit<EnrichedArticle>> page = hits.subList(0, Math.min(hits.size(), query.size()));
        String next = hits.size() > query.size() ? cursors.seal(cursorAfter(query.sort(), page.getLast())) : null;
        long total = response.hits().total() == null ? page.size() : response.hits().total().value();
        List<ArticleHit> shown = page.stream().map(ArticleSearch::hit).toList();
        if (!query.includeDuplicates() && !shown.isEmpty()) {
            shown = withFoldedCounts(query, now, page, shown);
        }
        return new SearchResult(total, shown, facets(response.aggregations()), next);
    }

    /** Articles like this one (more_like_this on title and body), never itself or a duplicate; empty when it is absent. */
    public Optional<RelatedArticles> related(RelatedQuery query) throws IOException {
        Optional<EnrichedArticle> article = article(query.id());
        if (article.isEmpty()) {
            return Optional.empty();
        }
        SearchRequest request = relatedRequest(alias, article.get(), query.size(), timeout, clock.instant());
        if (request == null) {
            return Optional.of(new RelatedArticles(query.id(), List.of()));
        }
        List<ArticleHit> hits = es.search(request, EnrichedArticle.class).hits().hits().stream()
                .map(ArticleSearch::hit).toList();
        return Optional.of(new RelatedArticles(query.id(), hits));
    }

    /**
     * The request for {@link #related}, or null when the article has no text to compare. It compares the
     * title and the first {@link #RELATED_BODY_WORDS} words: a story's subject is in its opening, and a
     * 5 MiB body would otherwise be analysed whole on every call.
     */
    static SearchRequest relatedRequest(String index, EnrichedArticle article, int size, Duration timeout, Instant now) {
        String like = Stream.of(article.title(), opening(article.body())).filter(t -> t != null && !t.isBlank())
                .collect(Collectors.joining("\n"));
        if (like.isEmpty()) {
            return null;
        }
        return SearchRequest.of(s -> s
                .index(index)
                .size(size)
                .timeout(timeout.toMillis() + "ms")
                .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                .query(q -> q.bool(b -> b
                        // The defaults (a term in 5 documents, twice in the text) find nothing in a young index.
                        .must(m -> m.moreLikeThis(mlt -> mlt.fields("title", "body").like(l -> l.text(like))
                                .minTermFreq(1).minDocFreq(1).maxQueryTerms(25)))
                        .mustNot(n -> n.ids(i -> i.values(article.id())))
                        .mustNot(DuplicateFolding.HIDE_ALL)
                        .mustNot(notYetForReaders(now)))));
    }

    /** The first {@link #RELATED_BODY_WORDS} words of a body, in one pass that stops there. */
    static String opening(String body) {
        if (body == null) {
            return null;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < body.length(); i++) {
            boolean space = Character.isWhitespace(body.charAt(i));
            if (space && inWord && ++words == RELATED_BODY_WORDS) {
                return body.substring(0, i);
            }
            inWord = !space;
        }
        return body;
    }

    /**
     * Each hit with the number of copies folded under it: the reader's matching copies of the same story
     * (an original's copies, or a stand-in copy's siblings), in one aggregation over the page's stories.
     */
    private List<ArticleHit> withFoldedCounts(SearchQuery query, Instant now, List<Hit<EnrichedArticle>> page, List<ArticleHit> shown)
            throws IOException {
        List<String> stories = page.stream().map(ArticleSearch::storyOf).toList();
        SearchResponse<EnrichedArticle> response = es.search(s -> s
                .index(alias)
                .size(0)
                .timeout(millis(timeout))
                .query(q -> q.bool(b -> b
                        .must(readerQuery(query, now))
                        .filter(f -> f.terms(t -> t.field(DUPLICATE_OF)
                                .terms(v -> v.value(stories.stream().distinct().map(FieldValue::of).toList()))))))
                .aggregations(DUPLICATE_OF, a -> a.terms(t -> t.field(DUPLICATE_OF).size(stories.size()))), EnrichedArticle.class);
        Aggregate counts = response.aggregations().get(DUPLICATE_OF);
        Map<String, Long> copies = new HashMap<>();
        if (counts != null && counts.isSterms()) {
            counts.sterms().buckets().array().forEach(b -> copies.put(b.key().stringValue(), b.docCount()));
        }
        List<ArticleHit> counted = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            boolean standIn = page.get(i).source().duplicateOf() != null;
            long folded = copies.getOrDefault(stories.get(i), 0L) - (standIn ? 1 : 0);
            counted.add(shown.get(i).withDuplicates(folded > 0 ? folded : null));
        }
        return counted;
    }

    /** The story a hit belongs to: its original's id, or its own when it is one. */
    private static String storyOf(Hit<EnrichedArticle> hit) {
        EnrichedArticle article = hit.source();
        return article.duplicateOf() != null ? article.duplicateOf() : article.id() == null ? hit.id() : article.id();
    }

    private static String millis(Duration timeout) {
        return timeout.toMillis() + "ms";
    }

    /** The whole stored article, as indexed; empty also while it is withheld or under embargo. */
    public Optional<EnrichedArticle> article(String id) throws IOException {
        var response = es.get(g -> g.index(alias).id(id), EnrichedArticle.class);
        Instant now = clock.instant();
        return response.found() ? Optional.ofNullable(response.source()).filter(a -> readable(a, now)) : Optional.empty();
    }

    /** Whether readers may see an article now: not withheld, and any embargo passed. */
    static boolean readable(EnrichedArticle article, Instant now) {
        return article.pubstatus() != PubStatus.WITHHELD
                && (article.embargoedUntil() == null || !article.embargoedUntil().isAfter(now));
    }

    /**
     * The stories no reader may see at {@code now}: withheld ones, and those whose embargo has not
     * passed. It is part of every read, so an embargoed story appears by itself once its time comes.
     */
    static Query notYetForReaders(Instant now) {
        return Query.of(q -> q.bool(b -> b
                .should(s -> s.term(t -> t.field("pubstatus").value(PubStatus.WITHHELD.wireName())))
                .should(s -> s.range(r -> r.date(d -> d.field("embargoed_until").gt(now.toString()))))));
    }

    /**
     * The search request for one page.
     *
     * @param hidden the copies to leave out ({@link DuplicateFolding}), or null to show every copy
     */
    static SearchRequest request(String index, SearchQuery query, Duration timeout, Query hidden, Instant now) {
        Query reader = readerQuery(query, now);
        return SearchRequest.of(s -> {
            s.index(index)
                    // Past this Elasticsearch stops collecting and answers with what it found (timed_out: true).
                    .timeout(millis(timeout))
                    .query(hidden == null ? reader : Query.of(q -> q.bool(b -> b.must(reader).mustNot(hidden))))
                    .size(query.size() + 1)
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                    .sort(sort(query.sort()))
                    .highlight(h -> h
                            // html escapes the stored text, so the only markup in a snippet is our <em>.
                            .encoder(HighlighterEncoder.Html)
                            .fields(List.of(
                                    NamedValue.of("body", HighlightField.of(f -> f
                                            .fragmentSize(SNIPPET_CHARS).numberOfFragments(1).noMatchSize(SNIPPET_CHARS))),
                                    NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))))));
            FACETS.forEach((name, field) ->
                    s.aggregations(name, Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE)))));
            if (query.cursor() != null) {
                s.searchAfter(query.cursor().after().stream().map(ArticleSearch::fieldValue).toList());
            }
            return s;
        });
    }

    /** What the reader asked for and may see: the text and the filters, before any copy is folded away. */
    private static Query readerQuery(SearchQuery query, Instant now) {
        return Query.of(q -> q.bool(b -> {
            b.mustNot(notYetForReaders(now));
            if (query.text() == null) {
                b.must(m -> m.matchAll(all -> all));
            } else {
                b.must(m -> m.simpleQueryString(sqs -> sqs
                        .query(QueryText.toSimpleQuery(query.text()))
                        .fields("title^3", "body", "byline")
                        .flags(QUERY_SYNTAX)
                        .defaultOperator(Operator.And)));
            }
            terms(b, "people", query.people());
            terms(b, "organizations", query.organizations());
            terms(b, "places", query.places());
            terms(b, "topics", query.topics());
            terms(b, "language", query.languages());
            terms(b, "source", query.sources());
            if (query.since() != null || query.until() != null) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field("published_at");
                    if (query.since() != null) {
                        d.gte(query.since().toString());
                    }
                    if (query.until() != null) {
                        d.lt(query.until().toString());
                    }
                    return d;
                })));
            }
            return b;
        }));
    }

    /** Each value is its own filter: {@code person=A&person=B} finds articles naming both. */
    private static void terms(co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder bool,
                              String field, List<String> values) {
        for (String value : values) {
            bool.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }

    /** Every order ends on the id, so equal scores or dates still page in a fixed order. */
    private static List<SortOptions> sort(SearchSort sort) {
        List<SortOptions> order = new ArrayList<>();
        if (sort == SearchSort.RELEVANCE) {
            order.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
        }
        order.add(SortOptions.of(o -> o.field(f -> f.field("published_at").order(SortOrder.Desc).missing("_last"))));
        if (sort == SearchSort.NEWEST) {
            order.add(SortOptions.of(o -> o.field(f -> f.field("ingested_at").order(SortOrder.Desc).missing("_last"))));
        }
        order.add(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
        return order;
    }

    private static ArticleHit hit(Hit<EnrichedArticle> hit) {
        EnrichedArticle a = hit.source();
        return new ArticleHit(a.id() == null ? hit.id() : a.id(), a.title(), snippet(hit.highlight()), a.source(),
                a.publishedAt(), a.ingestedAt(), a.language(), a.people(), a.organizations(), a.places(), a.topics(), null);
    }

    /** The body passage with a match; else the highlighted title; else the start of the body. */
    static String snippet(Map<String, List<String>> highlight) {
        String body = first(highlight.get("body"));
        if (body != null && body.contains("<em>")) {
            return body;
        }
        String title = first(highlight.get("title"));
        return title != null ? title : body;
    }

    private static String first(List<String> fragments) {
        return fragments == null || fragments.isEmpty() ? null : fragments.getFirst();
    }

    private static Map<String, List<FacetValue>> facets(Map<String, Aggregate> aggregations) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (String name : FACETS.keySet()) {
            Aggregate aggregate = aggregations.get(name);
            facets.put(name, aggregate == null || !aggregate.isSterms() ? List.of()
                    : aggregate.sterms().buckets().array().stream()
                    .map(b -> new FacetValue(b.key().stringValue(), b.docCount()))
                    .toList());
        }
        return facets;
    }

    private static SearchCursor cursorAfter(SearchSort sort, Hit<EnrichedArticle> last) {
        return new SearchCursor(sort, last.sort().stream().map(v -> v.isNull() ? null : v._get()).toList());
    }

    private static FieldValue fieldValue(Object value) {
        return switch (value) {
            case null -> FieldValue.NULL;
            case Integer i -> FieldValue.of(i.longValue());
            case Long l -> FieldValue.of(l);
            case Double d -> FieldValue.of(d);
            case Float f -> FieldValue.of(f.doubleValue());
            case java.math.BigInteger b -> FieldValue.of(b.longValue());
            case Boolean b -> FieldValue.of(b);
            default -> FieldValue.of(value.toString());
        };
    }

    private static Map<String, String> facets() {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("people", "people");
        facets.put("organizations", "organizations");
        facets.put("places", "places");
        facets.put("topics", "topics");
        facets.put("sources", "source");
        facets.put("languages", "language");
        return java.util.Collections.unmodifiableMap(facets);
    }
}
