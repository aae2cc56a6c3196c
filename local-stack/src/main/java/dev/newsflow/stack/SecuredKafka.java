package dev.newsflow.stack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A Kafka broker of its own whose client listener takes only SCRAM-SHA-512 logins (SASL_PLAINTEXT)
 * and authorizes them with ACLs, on free loopback ports: for tests of Newsflow's Kafka security. The
 * broker starts with the users given and no ACL, so only the admin may do anything at first.
 */
public final class SecuredKafka implements AutoCloseable {

    private final StackSettings settings;
    private final KafkaBroker broker;
    private final ScramUsers users;

    private SecuredKafka(StackSettings settings, ScramUsers users) {
        this.settings = settings;
        this.users = users;
        this.broker = new KafkaBroker(settings, Optional.of(users));
    }

    /**
     * Formats a broker under {@code home} with {@code users}, starts it and returns once the admin can
     * reach it.
     */
    public static SecuredKafka start(Path home, ScramUsers users) {
        SecuredKafka kafka = new SecuredKafka(StackSettings.forTests(home, home.resolve("cache")), users);
        try {
            kafka.broker.start();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    /** Where clients connect, as {@code host:port}. */
    public String bootstrap() {
        return settings.endpoints().kafkaBootstrap();
    }

    public ScramUsers users() {
        return users;
    }

    @Override
    public void close() {
        broker.stop();
    }
}
