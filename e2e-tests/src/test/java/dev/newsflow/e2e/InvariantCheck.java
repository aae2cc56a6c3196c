package dev.newsflow.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the delivery invariant for one source against the full record: the {@link Ledger} of what was
 * acknowledged, every document of that source in Elasticsearch, and the dead letter topic.
 */
final class InvariantCheck {

    private final Pipeline pipeline;
    private final IndexedArticles index;
    private final String source;
    private final Ledger ledger;

    InvariantCheck(Pipeline pipeline, String source, Ledger ledger) {
        this.pipeline = pipeline;
        this.index = new IndexedArticles(new ElasticsearchHttp(pipeline.stack().elasticsearchUrl()), pipeline.alias());
        this.source = source;
        this.ledger = ledger;
    }

    Verdict run() {
        Map<String, Expected> expected = ledger.expectations();
        Map<String, List<Long>> indexed = index.of(source);
        Map<String, String> deadLetters = TopicContents.deadLetterReasons(pipeline.stack().kafkaBootstrap(),
                pipeline.topics().deadletter().name());
        Map<String, String> deadLettered = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> killedPresent = new ArrayList<>();
        int present = 0;
        for (Map.Entry<String, Expected> entry : expected.entrySet()) {
            String id = entry.getKey();
            Expected want = entry.getValue();
            List<Long> versions = indexed.getOrDefault(id, List.of());
            Long version = versions.isEmpty() ? null : Collections.max(versions);
            if (version != null) {
                present++;
            }
            if (want.allows(version)) {
                continue;
            }
            Submission acked = want.acknowledged();
            if (deadLetters.containsKey(id)) {
                deadLettered.put(id, deadLetters.get(id));
            } else if (acked.killed()) {
                killedPresent.add(id + " (" + acked.guid() + "): killed at v" + acked.version() + ", indexed at v" + version);
            } else if (version == null) {
                missing.add(id + " (" + acked.guid() + "): acknowledged at v" + acked.version() + ", not indexed");
            } else {
                stale.add(id + " (" + acked.guid() + "): acknowledged at v" + acked.version() + ", indexed at v" + version);
            }
        }
        List<String> duplicated = new ArrayList<>();
        indexed.forEach((id, versions) -> {
            if (versions.size() > 1) {
                duplicated.add(id + ": " + versions.size() + " documents at versions " + versions);
            }
        });
        Set<String> sent = ledger.ids();
        List<String> unexpected = indexed.keySet().stream().filter(id -> !sent.contains(id)).sorted().toList();
        return new Verdict(expected.size(), present, deadLettered, missing, stale, killedPresent, duplicated, unexpected);
    }
}
