package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import dev.newsflow.core.EsTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the versioned index ({@code news-v1}) exists with its explicit mapping and that the
 * alias ({@code news}) points to it. Idempotent, so every start-up calls it. Readers and writers use
 * only the alias: a future mapping change creates {@code news-v2}, rebuilds it from the compacted
 * enriched topic, and moves the alias without either side noticing.
 */
public final class IndexManager {

    private static final Logger log = LoggerFactory.getLogger(IndexManager.class);
    private static final String MAPPINGS_RESOURCE = "/news-mappings.json";

    private final ElasticsearchClient es;
    private final String alias;
    private final String index;
    private final int shards;
    private final int replicas;

    public IndexManager(ElasticsearchClient es, String alias, String index, int shards, int replicas) {
        this.es = es;
        this.alias = alias;
        this.index = index;
        this.shards = shards;
        this.replicas = replicas;
    }

    public static IndexManager of(ElasticsearchClient es, IndexConfig config) {
        return new IndexManager(es, config.alias(), config.indexName(), config.shards(), config.replicas());
    }

    /**
     * Creates the index template, the index and the alias when they are missing.
     *
     * @throws IllegalStateException when the alias name is taken by a concrete index
     *                               (an earlier write without the alias auto-created it)
     */
    public void ensure() throws IOException {
        putTemplate();
        if (es.indices().existsAlias(a -> a.name(alias)).value()) {
            // Fields added since the index was made are added to it (an additive mapping change is allowed);
            // with the strict mapping, documents carrying them would otherwise be refused.
            es.indices().putMapping(p -> p.index(alias).properties(mappings().properties()));
            log.info("alias {} exists; its mapping is up to date", alias);
            return;
        }
        if (es.indices().exists(e -> e.index(alias)).value()) {
            throw new IllegalStateException("\"" + alias + "\" is a concrete index, not an alias; delete it or choose"
                    + " another NEWSFLOW_INDEX_ALIAS, then re-index from the enriched topic");
        }
        createIndex();
        es.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true))));
        log.info("alias {} now points to {}", alias, index);
    }

    /**
     * Waits until Elasticsearch answers {@code _cluster/health}, so a service started together with
     * its node does not fail on the node's first seconds.
     *
     * @throws IllegalStateException when it does not answer within {@code timeout}, or at once when
     *                               its TLS certificate is refused (waiting would not change that)
     */
    public void awaitReachable(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                es.cluster().health(h -> h.waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("5s")));
                return;
            } catch (IOException | ElasticsearchException e) {
                if (EsTrust.isCertificateRefusal(e)) {
                    throw new IllegalStateException(EsTrust.refusalAdvice(e), e);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("Elasticsearch did not answer within " + timeout.toSeconds()
                            + "s: " + e, e);
                }
                log.info("waiting for Elasticsearch: {}", e.toString());
                TimeUnit.SECONDS.sleep(1);
            }
        }
    }

    /** The mapping of every news document, from {@code news-mappings.json}. */
    public static TypeMapping mappings() {
        try (InputStream json = IndexManager.class.getResourceAsStream(MAPPINGS_RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException(MAPPINGS_RESOURCE + " is missing from the class path");
            }
            return TypeMapping.of(m -> m.withJson(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MAPPINGS_RESOURCE, e);
        }
    }

    private IndexSettings settings() {
        return IndexSettings.of(s -> s
                .numberOfShards(Integer.toString(shards))
                .numberOfReplicas(Integer.toString(replicas))
                // Searchable within a second of indexing, without a refresh per bulk request.
                .refreshInterval(t -> t.time("1s")));
    }

    /** Later versions ({@code news-v2}, ...) get the same settings and mapping when a re-index creates them. */
    private void putTemplate() throws IOException {
        es.indices().putIndexTemplate(t -> t
                .name(alias + "-template")
                .indexPatterns(alias + "-v*")
                .template(m -> m.settings(settings()).mappings(mappings())));
    }

    /** The concrete indices the alias points to now (one, except by hand-made mistakes). */
    public List<String> aliasedIndices() throws IOException {
        try {
            return List.copyOf(new TreeSet<>(es.indices().getAlias(a -> a.name(alias)).aliases().keySet()));
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** Every versioned index of this alias ({@code news-v1}, {@code news-v2}, ...), aliased or not. */
    public List<String> versionedIndices() throws IOException {
        return List.copyOf(new TreeSet<>(es.indices()
                .get(g -> g.index(alias + "-v*").allowNoIndices(true).ignoreUnavailable(true)).indices().keySet()));
    }

    /** Creates another versioned index with the current settings and mapping (which the template also holds). */
    public void create(String name) throws IOException {
        es.indices().create(c -> c.index(name).settings(settings()).mappings(mappings()));
        log.info("created index {}", name);
    }

    /** Moves the alias from one index to the other in one {@code _aliases} call: no moment without it. */
    public void moveAlias(String from, String to) throws IOException {
        es.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(from).alias(alias)))
                .actions(a -> a.add(add -> add.index(to).alias(alias).isWriteIndex(true))));
        log.info("alias {} moved from {} to {}", alias, from, to);
    }

    private void createIndex() throws IOException {
        try {
            es.indices().create(c -> c.index(index).settings(settings()).mappings(mappings()));
            log.info("created index {}", index);
        } catch (ElasticsearchException e) {
            // Another instance starting at the same moment may have won the race; that is fine.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            log.info("index {} exists already", index);
        }
    }
}
