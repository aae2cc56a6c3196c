package dev.newsflow.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsflow.stack.StackEndpoints;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * What every stage of one run shares: the servers, the corpus, the settings, and the names that
 * keep this run's topics, groups and indices apart from any other's.
 *
 * @param run      a short random id; every topic prefix, group and index of the run contains it
 * @param work     the run's folder: service logs, Kafka Streams state
 * @param started  every service process the run started, in order (their JFR files are read at the end)
 */
record BenchContext(StackEndpoints stack, BenchSettings settings, Corpus corpus, String run, Path work,
                    Admin admin, ElasticsearchClient es, List<ServiceProcess> started) {

    static final int PARTITIONS = 6;

    /** A topic prefix of this run, e.g. {@code bench-1a2b3c4d-pipe.}. */
    String prefix(String name) {
        return "bench-" + run + "-" + name + ".";
    }

    /** An index, alias or group name of this run. */
    String name(String what) {
        return "bench-" + run + "-" + what;
    }

    KafkaProgress progress() {
        return new KafkaProgress(admin);
    }

    /** The environment every service of the run gets: the servers, the prefix, six partitions. */
    Map<String, String> env(String prefix) {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSFLOW_KAFKA_BOOTSTRAP", stack.kafkaBootstrap());
        env.put("NEWSFLOW_ES_URL", stack.elasticsearchUrl());
        env.put("NEWSFLOW_TOPIC_PREFIX", prefix);
        env.put("NEWSFLOW_TOPIC_PARTITIONS", Integer.toString(PARTITIONS));
        env.put("NEWSFLOW_HOME", work.resolve("home").toString());
        return env;
    }

    /** Starts a service of this run; logs under the run's folder, JFR when profiling. */
    ServiceProcess start(String name, String tag, String mainClass, int port, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start(name, tag, mainClass, port, env, work.resolve("logs"),
                Optional.ofNullable(settings.profileDir()));
        started.add(service);
        return service;
    }
}
