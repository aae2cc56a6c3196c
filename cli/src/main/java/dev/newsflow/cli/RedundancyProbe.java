package dev.newsflow.cli;

import dev.newsflow.core.ElasticsearchUrls;
import dev.newsflow.core.EsCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;

/**
 * Asks a cluster what redundancy it has left: Kafka's brokers and the replicas of the pipeline's
 * partitions, and which of the listed Elasticsearch nodes answer.
 */
public final class RedundancyProbe {

    private final Admin admin;
    private final HttpClient http;
    private final EsCredentials auth;
    private final Duration timeout;

    public RedundancyProbe(Admin admin, HttpClient http, EsCredentials auth, Duration timeout) {
        this.admin = admin;
        this.http = http;
        this.auth = auth;
        this.timeout = timeout;
    }

    /**
     * @param kafkaReachable whether Kafka answered the status's other questions; when not, it is not asked again
     * @param topics         the pipeline's topics that exist
     */
    public Redundancy read(boolean kafkaReachable, List<String> topics, ElasticsearchUrls elasticsearch) {
        int brokers = 0;
        List<String> underReplicated = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        List<URI> down = elasticsearch.nodes().stream().filter(node -> !answers(node)).toList();
        if (!kafkaReachable) {
            return new Redundancy(0, underReplicated, offline, down, elasticsearch.nodes().size());
        }
        try {
            brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            if (!topics.isEmpty()) {
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                described.values().forEach(topic -> topic.partitions().forEach(partition -> {
                    String name = topic.name() + "-" + partition.partition();
                    if (partition.leader() == null || partition.leader().isEmpty()) {
                        offline.add(name);
                    } else if (partition.isr().size() < partition.replicas().size()) {
                        underReplicated.add(name);
                    }
                }));
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            // Kafka itself unreachable is the Kafka section's finding; redundancy is just unknown then.
            brokers = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Redundancy(brokers, underReplicated, offline, down, elasticsearch.nodes().size());
    }

    /** The first listed node that answers, to read the index through; the first one when none does. */
    static URI firstAnswering(ElasticsearchUrls elasticsearch, Redundancy redundancy) {
        return elasticsearch.nodes().stream().filter(node -> !redundancy.esNodesDown().contains(node)).findFirst()
                .orElse(elasticsearch.first());
    }

    private boolean answers(URI node) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + "/_cluster/health")).timeout(timeout).GET();
        auth.authorization().ifPresent(value -> request.header("Authorization", value));
        try {
            // Any HTTP answer means the node is up; a 401 is the index section's finding.
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
