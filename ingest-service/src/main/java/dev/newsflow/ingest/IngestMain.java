package dev.newsflow.ingest;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts ingest-service with its configuration from the environment (see {@link IngestConfig}). */
public final class IngestMain {

    private static final Logger log = LoggerFactory.getLogger(IngestMain.class);

    private IngestMain() {
    }

    public static void main(String[] args) {
        IngestConfig config;
        try {
            config = IngestConfig.fromEnv(new Env(System.getenv()));
        } catch (ConfigException e) {
            log.error("cannot start ingest-service: {}", e.getMessage());
            System.exit(2);
            return;
        }
        IngestServer server = IngestServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ingest-shutdown"));
        // Jetty's threads are not daemons: the process lives until the hook stops them.
    }
}
