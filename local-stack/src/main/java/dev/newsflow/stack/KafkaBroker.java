package dev.newsflow.stack;

import dev.newsflow.core.KafkaSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka broker (KRaft broker and controller in one JVM) run from the {@code kafka_2.13} artifact's
 * classes: the single node of {@link LocalStack}, or one of the three of {@link LocalCluster}. Its client
 * listener takes PLAINTEXT, or with {@link ScramUsers} only SASL_PLAINTEXT logins with SCRAM-SHA-512,
 * checked against ACLs by the standard authorizer.
 */
final class KafkaBroker extends LocalServer {

    private static final String CLASSPATH_RESOURCE = "/newsflow-kafka.classpath";
    private static final String LOGBACK_RESOURCE = "/newsflow-kafka-logback.xml";

    private final Path dir;
    private final int nodeId;
    private final int port;
    private final int controllerPort;
    private final String voters;
    private final int replication;
    private final String heap;
    private final Duration startTimeout;
    private final String clusterId;
    private final String portVariable;
    private final Optional<ScramUsers> scram;

    /** The single broker of {@link LocalStack}: node 1, its own only voter, every topic with one replica. */
    KafkaBroker(StackSettings settings) {
        this(settings, Optional.empty());
    }

    /** The single broker, taking only SCRAM logins of {@code scram}'s users when present. */
    KafkaBroker(StackSettings settings, Optional<ScramUsers> scram) {
        this(settings.home().resolve("kafka"), 1, settings.kafkaPort(), settings.controllerPort(),
                "1@127.0.0.1:" + settings.controllerPort(), 1, settings.kafkaHeap(), settings.startTimeout(),
                Uuid.randomUuid().toString(), "NEWSFLOW_KAFKA_PORT", scram);
    }

    /**
     * One broker of a KRaft cluster whose brokers are also its controllers.
     *
     * @param voters       {@code controller.quorum.voters}: {@code id@host:port} of every controller
     * @param replication  the replication of internal topics and the default for new ones; min ISR is one less
     * @param clusterId    the same for every broker of the cluster; used only when the storage is formatted
     * @param portVariable the setting to name when a port is taken
     */
    KafkaBroker(Path dir, int nodeId, int port, int controllerPort, String voters, int replication, String heap,
                Duration startTimeout, String clusterId, String portVariable) {
        this(dir, nodeId, port, controllerPort, voters, replication, heap, startTimeout, clusterId, portVariable,
                Optional.empty());
    }

    private KafkaBroker(Path dir, int nodeId, int port, int controllerPort, String voters, int replication, String heap,
                        Duration startTimeout, String clusterId, String portVariable, Optional<ScramUsers> scram) {
        this.dir = dir;
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.voters = voters;
        this.replication = replication;
        this.heap = heap;
        this.startTimeout = startTimeout;
        this.clusterId = clusterId;
        this.portVariable = portVariable;
        this.scram = scram;
    }

    /** Formats the storage on first use, starts the broker and waits until it answers. */
    @Override
    void start() {
        Ports.requireFree(port, "Kafka", portVariable);
        Ports.requireFree(controllerPort, "the Kafka controller", portVariable.replace("_PORT", "_CONTROLLER_PORT"));
        Path config = writeConfig();
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("meta.properties"))) {
            List<String> args = new ArrayList<>(List.of("format", "--cluster-id", clusterId,
                    "--config", config.toString(), "--ignore-formatted"));
            // KRaft keeps SCRAM credentials in its metadata log: format writes the first ones into it.
            scram.ifPresent(users -> users.all().forEach((name, password) -> {
                args.add("--add-scram");
                args.add("SCRAM-SHA-512=[name=" + name + ",password=" + password + "]");
            }));
            ChildProcess format = jvm("kafka.tools.StorageTool", args.toArray(String[]::new))
                    .start("Kafka storage format", dir.resolve("format.log"));
            int exit = format.awaitExit(Duration.ofSeconds(60));
            if (exit != 0) {
                throw new StackStartException("Kafka storage format failed with exit code " + exit + "; see "
                        + format.logFile() + ":\n" + format.tail(20));
            }
        }
        process = jvm("kafka.Kafka", config.toString()).start("Kafka " + nodeId, logFile());
        process.awaitReady(this::answers, startTimeout);
    }

    Path logFile() {
        return dir.resolve("kafka.log");
    }

    int port() {
        return port;
    }

    private boolean answers() {
        // Until the port listens, an admin client would only log connection warnings.
        if (!Ports.listening(port)) {
            return false;
        }
        Properties props = new Properties();
        // This broker alone: the cluster answering through another one says nothing about this one.
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        scram.ifPresent(users -> props.putAll(users.login(users.admin()).properties()));
        try (Admin admin = Admin.create(props)) {
            return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream().anyMatch(node -> node.id() == nodeId);
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
                .jvmOptions("-Xms" + heap, "-Xmx" + heap,
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
            String client = scram.isPresent() ? "SASL_PLAINTEXT" : "PLAINTEXT";
            String listeners = client + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
            String minInSync = Integer.toString(KafkaSettings.defaultMinInSync((short) replication));
            String config = String.join("\n",
                    "# Written by Newsflow's local stack at every start; edits are lost.",
                    "process.roles=broker,controller",
                    "node.id=" + nodeId,
                    "controller.quorum.voters=" + voters,
                    "listeners=" + listeners,
                    "advertised.listeners=" + client + "://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=" + client,
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT," + client + ":" + client,
                    scram.map(KafkaBroker::scramConfig).orElse(""),
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=6",
                    // One node: every internal topic has one replica. A cluster of three: three, of which two
                    // must hold a record before it counts as written, so one broker may be down.
                    "default.replication.factor=" + replication,
                    "min.insync.replicas=" + minInSync,
                    "offsets.topic.replication.factor=" + replication,
                    "transaction.state.log.replication.factor=" + replication,
                    "transaction.state.log.min.isr=" + minInSync,
                    "share.coordinator.state.topic.replication.factor=" + replication,
                    "share.coordinator.state.topic.min.isr=" + minInSync,
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

    /**
     * The broker logs in to its own listener as the admin. The controller listener stays PLAINTEXT on
     * loopback: its only client is this JVM's broker, which arrives there as {@code User:ANONYMOUS} and
     * must be a super user for the controller to accept its registration.
     */
    private static String scramConfig(ScramUsers users) {
        String login = users.login(users.admin()).properties().get("sasl.jaas.config").toString();
        return String.join("\n",
                "sasl.enabled.mechanisms=SCRAM-SHA-512",
                "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=" + login,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + users.admin() + ";User:ANONYMOUS");
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
