package dev.newsflow.index;

import dev.newsflow.core.EsCredentials;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import dev.newsflow.core.Json;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the Elasticsearch Java API client the way its documentation does: a {@link Rest5Client}
 * transport, and our one {@link Json#mapper()} so documents read and write exactly like Kafka records.
 */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    /** A client for {@code url}; closing it releases its connections and I/O threads. */
    public static ElasticsearchClient create(URI url, EsCredentials credentials) {
        var builder = Rest5Client.builder(url)
                // A stalled node must fail the request, so the indexer's own retry loop takes over.
                .setRequestConfigCallback(request -> request
                        .setConnectionRequestTimeout(Timeout.of(5, TimeUnit.SECONDS))
                        .setResponseTimeout(Timeout.of(60, TimeUnit.SECONDS)));
        credentials.authorization().ifPresent(value ->
                builder.setDefaultHeaders(new Header[]{new BasicHeader(HttpHeaders.AUTHORIZATION, value)}));
        var transport = new Rest5ClientTransport(builder.build(), new JacksonJsonpMapper(Json.mapper()));
        return new ElasticsearchClient(transport);
    }
}
