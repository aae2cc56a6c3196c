package dev.newsflow.stack;

import dev.newsflow.core.Env;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        // Keep running when a server dies (the services retry, and an operator may be testing
        // exactly that), but say so once, loudly, where ./newsflow up shows it.
        List<String> reported = List.of();
        while (!stopped.await(5, TimeUnit.SECONDS)) {
            List<String> down = stack.stoppedServers();
            if (!down.isEmpty() && !down.equals(reported)) {
                log.error("stopped unexpectedly: {}", String.join(", ", down));
            }
            reported = down;
        }
    }
}
