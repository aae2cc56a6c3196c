package dev.newsflow.e2e;

import static org.awaitility.Awaitility.await;

import dev.newsflow.stack.ServiceJvm;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Kills a service at the instant a scenario names rather than at a lucky one: after each step of
 * progress (a metric of the service moving), the service is frozen with SIGSTOP, the instant is
 * examined from outside (what Kafka and Elasticsearch hold now cannot change while it is frozen,
 * beyond requests already on the wire), and the service is killed with SIGKILL if it is the one, or
 * let go on otherwise.
 */
final class TimedKill {

    /** @param evidence what showed the instant was the one; {@code freezes} how many instants were examined */
    record Outcome<T>(T evidence, int freezes) {
    }

    private TimedKill() {
    }

    /**
     * @param progress the metric that moves with each step of the service's work
     * @param instant  examines the frozen instant: evidence when it is the one to kill in, else empty
     * @throws AssertionError when no examined instant was the one
     */
    static <T> Outcome<T> when(ServiceJvm service, String progress, int maxFreezes, Callable<Optional<T>> instant)
            throws Exception {
        for (int freezes = 1; freezes <= maxFreezes; freezes++) {
            double done = PrometheusText.scrape(service).sum(progress);
            await(service.name() + " makes progress (" + progress + ")").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> PrometheusText.scrape(service).sum(progress) > done);
            service.freeze();
            try {
                Optional<T> evidence = instant.call();
                if (evidence.isPresent()) {
                    service.kill();
                    return new Outcome<>(evidence.get(), freezes);
                }
            } finally {
                if (service.alive()) {
                    service.thaw();
                }
            }
        }
        throw new AssertionError(service.name() + " was not caught at the wanted instant in " + maxFreezes + " freezes");
    }
}
