package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.Json;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A burst far above what ingest is allowed to handle at once, against the real broker: refusals come
 * as 429 (or 503) with Retry-After instead of client timeouts, every article answered 202 is on the
 * raw topic, and once the burst is over a request is accepted again.
 */
@ExtendWith(LocalStackExtension.class)
class IngestBurstIT {

    private static final Logger log = LoggerFactory.getLogger(IngestBurstIT.class);
    private static final String KEY = "burst-key-" + UUID.randomUUID();
    private static final int CLIENTS = 48;
    private static final Duration BURST = Duration.ofSeconds(Long.getLong("newsflow.burst.seconds", 15));
    /** Generous for a shared machine; what matters is that nobody waits for a client timeout. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(20);

    private final StackEndpoints stack;
    private final AnswerTally answers = new AnswerTally();
    private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();

    IngestBurstIT(StackEndpoints stack) {
        this.stack = stack;
    }

    @Test
    void aBurstIsRefusedWithRetryAfterAndEveryAcceptedArticleIsStored() throws Exception {
        try (RunningIngest ingest = new RunningIngest(stack, KEY, Map.of(
                "NEWSFLOW_INGEST_MAX_INFLIGHT_REQUESTS", "8", "NEWSFLOW_INGEST_MAX_INFLIGHT_BYTES", "5MiB"))) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            HttpClient http = HttpClient.newBuilder().executor(clients).build();
            long until = System.nanoTime() + BURST.toNanos();
            List<Future<?>> senders = AnswerTally.startClients(clients, CLIENTS, i -> () -> sendUntil(ingest, http, until));
            try {
                for (Future<?> sender : senders) {
                    sender.get();
                }
            } finally {
                clients.shutdownNow();
            }
            log.info("burst of {} s: answers {}, slowest {} ms", BURST.toSeconds(), answers.statuses(),
                    answers.slowestMillis());

            assertThat(answers.unexpected()).isEmpty();
            assertThat(answers.statuses().keySet()).contains(202, 429).isSubsetOf(202, 429, 503);
            assertThat(answers.slowestMillis()).isLessThan(ANSWER_BOUND.toMillis());
            // More may be stored: a request answered 503 can still have reached Kafka, which a retry makes harmless.
            ingest.awaitRawRecords(records -> assertThat(records).extracting(ConsumerRecord::key).containsAll(acceptedIds));
            HttpResponse<String> after = ingest.post("text/plain", "After the burst.".getBytes(StandardCharsets.UTF_8), KEY);
            assertThat(after.statusCode()).as(after.body()).isEqualTo(202);
        }
    }

    private void sendUntil(RunningIngest ingest, HttpClient http, long until) {
        answers.sendUntil(until, () -> {
            String article = "{\"guid\":\"" + UUID.randomUUID() + "\",\"title\":\"Burst\",\"body\":\""
                    + "A story sent in a burst. ".repeat(80) + "\"}";
            return http.send(ingest.request("application/json", article.getBytes(StandardCharsets.UTF_8), KEY)
                    .timeout(ANSWER_BOUND.multipliedBy(2)).build(), BodyHandlers.ofString());
        }, response -> {
            if (response.statusCode() == 202) {
                acceptedIds.add(Json.mapper().readTree(response.body()).path("id").asText());
            } else {
                AnswerTally.requireRefusalWithRetryAfter(response);
            }
        });
    }
}
