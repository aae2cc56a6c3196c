package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceIdTest {

    @Test
    void unsetMeansADynamicMember() {
        assertThat(InstanceId.fromEnv(new Env(Map.of()))).isEmpty();
        assertThat(InstanceId.fromEnv(new Env(Map.of("NEWSFLOW_INSTANCE_ID", "  ")))).isEmpty();
    }

    @Test
    void aNameIsTakenAsGiven() {
        assertThat(InstanceId.fromEnv(new Env(Map.of("NEWSFLOW_INSTANCE_ID", "enrich-2")))).contains("enrich-2");
    }

    @Test
    void aNameWithSpacesOrSlashesIsRefusedByName() {
        for (String bad : new String[] {"enrich 2", "a/b", "-lead", "x".repeat(65)}) {
            assertThatThrownBy(() -> InstanceId.fromEnv(new Env(Map.of("NEWSFLOW_INSTANCE_ID", bad))))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("NEWSFLOW_INSTANCE_ID");
        }
    }
}
