package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.DefaultTransportOptions;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import dev.newsflow.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An Elasticsearch that holds every bulk request until the test answers it, so a test decides in which
 * order concurrent requests are applied. Answering applies the operations to an id → version map
 * the way the real node does: {@code external_gte} refuses an older version with 409, a delete
 * removes the id. Only bulk requests are understood.
 */
final class FakeBulkElasticsearch implements ElasticsearchTransport {

    /** A bulk request sent and not answered yet. */
    record Sent(BulkRequest request, CompletableFuture<BulkResponse> response) {

        List<String> describe() {
            return request.operations().stream().map(Sent::describe).toList();
        }

        private static String describe(BulkOperation operation) {
            return operation.isDelete() ? "delete " + operation.delete().id() : "index " + operation.index().id();
        }
    }

    private final JsonpMapper mapper = new JacksonJsonpMapper(Json.mapper());
    private final List<Sent> unanswered = new CopyOnWriteArrayList<>();
    private final List<List<String>> sent = new CopyOnWriteArrayList<>();
    /** The documents in the index: id → version. */
    final Map<String, Long> documents = new ConcurrentHashMap<>();

    ElasticsearchClient client() {
        return new ElasticsearchClient(this);
    }

    /** The requests in flight, oldest first. */
    List<Sent> unanswered() {
        return List.copyOf(unanswered);
    }

    /** Every request sent so far, each as its operations ("index id", "delete id"). */
    List<List<String>> sent() {
        return List.copyOf(sent);
    }

    /** Applies the request's operations in their order and answers it. */
    void answer(Sent request) {
        List<BulkResponseItem> items = new ArrayList<>();
        for (BulkOperation operation : request.request().operations()) {
            items.add(apply(operation));
        }
        unanswered.remove(request);
        request.response().complete(BulkResponse.of(r -> r.errors(false).took(1).items(items)));
    }

    /** Answers every request in flight, the newest first: the order most likely to expose a reordering. */
    void answerNewestFirst() {
        List<Sent> requests = new ArrayList<>(unanswered());
        for (int i = requests.size() - 1; i >= 0; i--) {
            answer(requests.get(i));
        }
    }

    private BulkResponseItem apply(BulkOperation operation) {
        if (operation.isDelete()) {
            String id = operation.delete().id();
            boolean found = documents.remove(id) != null;
            return BulkResponseItem.of(i -> i.operationType(OperationType.Delete).index("fake").id(id)
                    .status(found ? 200 : 404).result(found ? "deleted" : "not_found"));
        }
        String id = operation.index().id();
        long version = operation.index().version();
        Long current = documents.get(id);
        if (current != null && current > version) {
            return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("fake").id(id).status(409)
                    .error(e -> e.type("version_conflict_engine_exception").reason("current version is higher")));
        }
        documents.put(id, version);
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("fake").id(id).status(201)
                .result("created"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        if (!(request instanceof BulkRequest bulk)) {
            throw new UnsupportedOperationException("only bulk requests, not " + endpoint.id());
        }
        CompletableFuture<BulkResponse> response = new CompletableFuture<>();
        Sent pending = new Sent(bulk, response);
        sent.add(pending.describe());
        unanswered.add(pending);
        return (CompletableFuture<ResponseT>) response;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        throw new UnsupportedOperationException("the indexer only sends bulk requests, asynchronously");
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return mapper;
    }

    @Override
    public TransportOptions options() {
        return DefaultTransportOptions.EMPTY;
    }

    @Override
    public void close() {
        unanswered.forEach(s -> s.response().cancel(false));
    }
}
