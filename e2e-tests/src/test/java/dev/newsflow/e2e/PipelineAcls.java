package dev.newsflow.e2e;

import dev.newsflow.core.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What each service's Kafka user may do, and nothing more: the grants the README's "first users"
 * section gives with {@code kafka-acls}. Every service creates the pipeline's three topics when missing
 * (DESIGN.md), so each may create and describe those three; beyond that ingest writes the raw topic,
 * enrich reads it and writes the enriched and dead letter topics in transactions under its application
 * id (and owns the internal topics, group and transactional ids named after it), and index reads the
 * enriched topic in its group and writes dead letters.
 */
final class PipelineAcls {

    private PipelineAcls() {
    }

    static List<AclBinding> of(Topics topics, String ingestUser, String enrichUser, String enrichAppId,
                               String indexUser, String indexGroup) {
        String raw = topics.raw().name();
        String enriched = topics.enriched().name();
        String deadletter = topics.deadletter().name();
        List<AclBinding> acls = new ArrayList<>();
        for (String user : List.of(ingestUser, enrichUser, indexUser)) {
            for (String topic : List.of(raw, enriched, deadletter)) {
                acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.CREATE));
                acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
            }
        }
        acls.add(allow(ingestUser, ResourceType.TOPIC, raw, PatternType.LITERAL, AclOperation.WRITE));

        acls.add(allow(enrichUser, ResourceType.TOPIC, raw, PatternType.LITERAL, AclOperation.READ));
        acls.add(allow(enrichUser, ResourceType.TOPIC, enriched, PatternType.LITERAL, AclOperation.WRITE));
        acls.add(allow(enrichUser, ResourceType.TOPIC, deadletter, PatternType.LITERAL, AclOperation.WRITE));
        acls.add(allow(enrichUser, ResourceType.TOPIC, enrichAppId, PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow(enrichUser, ResourceType.GROUP, enrichAppId, PatternType.LITERAL, AclOperation.READ));
        acls.add(allow(enrichUser, ResourceType.TRANSACTIONAL_ID, enrichAppId, PatternType.PREFIXED, AclOperation.WRITE));
        acls.add(allow(enrichUser, ResourceType.TRANSACTIONAL_ID, enrichAppId, PatternType.PREFIXED, AclOperation.DESCRIBE));

        acls.add(allow(indexUser, ResourceType.TOPIC, enriched, PatternType.LITERAL, AclOperation.READ));
        acls.add(allow(indexUser, ResourceType.TOPIC, deadletter, PatternType.LITERAL, AclOperation.WRITE));
        acls.add(allow(indexUser, ResourceType.GROUP, indexGroup, PatternType.LITERAL, AclOperation.READ));
        return acls;
    }

    private static AclBinding allow(String user, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
