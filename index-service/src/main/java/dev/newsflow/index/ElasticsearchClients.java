package dev.newsflow.index;

import dev.newsflow.core.ElasticsearchUrls;
import dev.newsflow.core.EsCredentials;
import dev.newsflow.core.EsTrust;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import dev.newsflow.core.Json;
import java.net.URI;
import java.time.Duration;
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

    /** A client for one node, https checked against the JVM's trust store; closing it releases its connections and I/O threads. */
    public static ElasticsearchClient create(URI url, EsCredentials credentials) {
        return create(ElasticsearchUrls.of(url), credentials, EsTrust.JVM_DEFAULT);
    }

    /** A client for one node, https checked against {@code trust}. */
    public static ElasticsearchClient create(URI url, EsCredentials credentials, EsTrust trust) {
        return create(ElasticsearchUrls.of(url), credentials, trust);
    }

    /**
     * A client for the nodes of {@code urls}: the low-level client sends each request to the next node in
     * turn, and when one does not answer it marks that node dead for a while and tries the request on
     * another, so a cluster with a node down still takes writes and searches.
     */
    public static ElasticsearchClient create(ElasticsearchUrls urls, EsCredentials credentials, EsTrust trust) {
        // A stalled node must fail the request, so the indexer's own retry loop takes over.
        return create(urls, credentials, trust, Duration.ofSeconds(60), Rest5ClientBuilder.DEFAULT_MAX_CONN_TOTAL);
    }

    /**
     * A client for searching, with a pool of its own so heavy searching cannot take the indexer's
     * connections: as many as searches may run at once, and a response timeout a second past the
     * time Elasticsearch is given per search.
     */
    public static ElasticsearchClient forSearch(ElasticsearchUrls urls, EsCredentials credentials, EsTrust trust,
                                                SearchLimits limits) {
        return create(urls, credentials, trust, limits.timeout().plusSeconds(1), limits.maxConcurrent());
    }

    private static ElasticsearchClient create(ElasticsearchUrls urls, EsCredentials credentials, EsTrust trust,
                                              Duration responseTimeout, int connections) {
        var builder = Rest5Client.builder(urls.nodes())
                .setConnectionManagerCallback(pool -> pool.setMaxConnTotal(connections).setMaxConnPerRoute(connections))
                .setRequestConfigCallback(request -> request
                        .setConnectionRequestTimeout(Timeout.of(5, TimeUnit.SECONDS))
                        .setResponseTimeout(Timeout.ofMilliseconds(responseTimeout.toMillis())));
        // The builder hands it to the connection pool as its TLS strategy, before our pool callback runs.
        trust.sslContext().ifPresent(builder::setSSLContext);
        credentials.authorization().ifPresent(value ->
                builder.setDefaultHeaders(new Header[]{new BasicHeader(HttpHeaders.AUTHORIZATION, value)}));
        var transport = new Rest5ClientTransport(builder.build(), new JacksonJsonpMapper(Json.mapper()));
        return new ElasticsearchClient(transport);
    }
}
