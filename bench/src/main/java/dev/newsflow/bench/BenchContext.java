package dev.newsflow.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsflow.stack.ChildJvm;
import dev.newsflow.stack.ServiceJvm;
import dev.newsflow.stack.StackEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every stage of one run shares: the servers, the corpus, the settings, and the names that
 * keep this run's topics, groups and indices apart from any other's.
 *
 * @param run      a short random id; every topic prefix, group and index of the run contains it
 * @param work     the run's folder: service logs, Kafka Streams state
 * @param recordings the JFR file of every service the run started while profiling, in order (read at the end)
 */
record BenchContext(StackEndpoints stack, BenchSettings settings, Corpus corpus, String run, Path work,
                    Admin admin, ElasticsearchClient es, List<Path> recordings) {

    static final int PARTITIONS = 6;
    private static final Logger log = LoggerFactory.getLogger(BenchContext.class);

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

    /**
     * Starts a service of this run as its own JVM, from this module's class path (which holds every
     * service), so its CPU time and memory are its own; returns once it is ready.
     *
     * @param tag names its log under the run's folder and, when profiling, its JFR file (written when it
     *            stops), e.g. "enrich-1-thread"
     */
    ServiceJvm start(String name, String tag, String mainClass, int port, Map<String, String> env) {
        ChildJvm jvm = ChildJvm.of(mainClass).jvmOptions("-Xmx512m").env(env);
        if (settings.profileDir() != null) {
            Path recording = settings.profileDir().resolve(tag + ".jfr").toAbsolutePath();
            try {
                Files.createDirectories(recording.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + recording.getParent(), e);
            }
            jvm.jvmOptions("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
            recordings.add(recording);
        }
        ServiceJvm service = ServiceJvm.start(name, port, jvm, work.resolve("logs").resolve(tag + ".log"));
        log.info("{} ({}) ready on port {}, pid {}", name, tag, port, service.pid());
        return service;
    }
}
