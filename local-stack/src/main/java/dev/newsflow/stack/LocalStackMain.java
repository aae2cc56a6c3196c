package dev.newsflow.stack;

import dev.newsflow.core.Env;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local stack in the foreground for {@code ./newsflow up}: standard ports, data kept
 * under {@code NEWSFLOW_HOME}; stops both servers on Ctrl-C or SIGTERM.
 */
public final class LocalStackMain {

    private static final Logger log = LoggerFactory.getLogger(LocalStackMain.class);

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StackSettings settings = StackSettings.fromEnv(new Env(System.getenv()));
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (StackStartException e) {
            log.error("the local stack did not start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "stack-shutdown"));
        log.info("READY kafka={} elasticsearch={} home={}", stack.endpoints().kafkaBootstrap(),
                stack.endpoints().elasticsearchUrl(), settings.home());
        stopped.await();
    }
}
