package dev.newsflow.index;

import dev.newsflow.core.Env;
import dev.newsflow.core.Metrics;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the index service from the environment; it runs until the process is stopped. */
public final class IndexMain {

    private static final Logger log = LoggerFactory.getLogger(IndexMain.class);

    private IndexMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        IndexConfig config = IndexConfig.fromEnv(new Env(System.getenv()));
        log.info("starting with {}", config);
        IndexService service = IndexService.start(config, Metrics.registry("index-service"));
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "index-shutdown"));
    }
}
