package dev.newsflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka (KRaft broker and controller in one JVM) run from the
 * {@code kafka_2.13} artifact's classes, with its data under {@code home/kafka}.
 */
final class KafkaBroker extends LocalServer {

    private static final String CLASSPATH_RESOURCE = "/newsflow-kafka.classpath";
    private static final String LOGBACK_RESOURCE = "/newsflow-kafka-logback.xml";

    private final StackSettings settings;
    private final Path dir;

    KafkaBroker(StackSettings settings) {
        this.settings = settings;
        this.dir = settings.home().resolve("kafka");
    }

    /** Formats the storage on first use, starts the broker and waits until it answers. */
    @Override
    void start() {
        Ports.requireFree(settings.kafkaPort(), "Kafka", "NEWSFLOW_KAFKA_PORT");
        Ports.requireFree(settings.controllerPort(), "the Kafka controller", "NEWSFLOW_KAFKA_CONTROLLER_PORT");
        Path config = writeConfig();
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("meta.properties"))) {
            ChildProcess format = jvm("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", config.toString(), "--ignore-formatted")
                    .start("Kafka storage format", dir.resolve("format.log"));
            int exit = format.awaitExit(Duration.ofSeconds(60));
            if (exit != 0) {
                throw new StackStartException("Kafka storage format failed with exit code " + exit + "; see "
                        + format.logFile() + ":\n" + format.tail(20));
            }
        }
        process = jvm("kafka.Kafka", config.toString()).start("Kafka", dir.resolve("kafka.log"));
        process.awaitReady(this::answers, settings.startTimeout());
    }

    private boolean answers() {
        // Until the port listens, an admin client would only log connection warnings.
        if (!Ports.listening(settings.kafkaPort())) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.endpoints().kafkaBootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private ChildJvm jvm(String mainClass, String... args) {
        return ChildJvm.of(mainClass)
                .classPath(classpath())
                .jvmOptions("-Xms" + settings.kafkaHeap(), "-Xmx" + settings.kafkaHeap(),
                        "-XX:+UseG1GC",
                        "-Djava.awt.headless=true",
                        // Both logback and log4j may be on the class path; say which one the broker logs through.
                        "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider",
                        "-Dlogback.configurationFile=" + dir.resolve("logback.xml"))
                .args(args)
                .workingDir(dir);
    }

    private Path writeConfig() {
        try {
            Files.createDirectories(dir);
            try (InputStream logback = KafkaBroker.class.getResourceAsStream(LOGBACK_RESOURCE)) {
                Files.write(dir.resolve("logback.xml"), logback.readAllBytes());
            }
            String listeners = "PLAINTEXT://127.0.0.1:" + settings.kafkaPort()
                    + ",CONTROLLER://127.0.0.1:" + settings.controllerPort();
            String config = String.join("\n",
                    "# Written by Newsflow's local stack at every start; edits are lost.",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + settings.controllerPort(),
                    "listeners=" + listeners,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort(),
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=6",
                    // One node: every internal topic has one replica.
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    // Services create their topics with the right policies; a typo should not create one.
                    "auto.create.topics.enable=false",
                    "");
            Path file = dir.resolve("server.properties");
            Files.writeString(file, config, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kafka's configuration under " + dir, e);
        }
    }

    private static String classpath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new StackStartException("the local-stack jar has no " + CLASSPATH_RESOURCE
                        + "; build it with ./mvnw package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
