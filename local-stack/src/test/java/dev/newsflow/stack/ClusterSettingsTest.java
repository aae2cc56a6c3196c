package dev.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    @Test
    void eachSettingTakesThreePortsInARowFromItsBase() {
        ClusterSettings settings = ClusterSettings.fromEnv(new Env(Map.of("NEWSFLOW_HOME", "/tmp/nf",
                "NEWSFLOW_ES_PORT", "19200")));

        assertThat(settings.home()).isEqualTo(Path.of("/tmp/nf/cluster"));
        assertThat(settings.kafkaPorts()).containsExactly(9092, 9093, 9094);
        assertThat(settings.controllerPorts()).containsExactly(9192, 9193, 9194);
        assertThat(settings.esHttpPorts()).containsExactly(19200, 19201, 19202);
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094");
        assertThat(settings.elasticsearchUrls())
                .isEqualTo("http://127.0.0.1:19200,http://127.0.0.1:19201,http://127.0.0.1:19202");
    }

    @Test
    void aBaseWithoutRoomForThreePortsIsRefused() {
        assertThatThrownBy(() -> ClusterSettings.fromEnv(new Env(Map.of("NEWSFLOW_KAFKA_PORT", "65534"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_KAFKA_PORT");
    }

    @Test
    void theFleetGetsTheClusterAndTwoPortsPerService() {
        Env env = new Env(Map.of("NEWSFLOW_HOME", "/tmp/nf", "NEWSFLOW_INDEX_PORT", "18083",
                "NEWSFLOW_CLASSPATH_INGEST", "ingest.jar", "NEWSFLOW_CLASSPATH_ENRICH", "enrich.jar",
                "NEWSFLOW_CLASSPATH_INDEX", "index.jar"));
        ServiceFleet.Plan plan = LocalClusterMain.fleetPlan(env, ClusterSettings.fromEnv(env));

        assertThat(plan.ports().get(FleetService.INGEST)).containsExactly(8081, 8091);
        assertThat(plan.ports().get(FleetService.INDEX)).containsExactly(18083, 18093);
        assertThat(plan.classPath().apply(FleetService.ENRICH)).isEqualTo("enrich.jar");
        assertThat(plan.env()).containsEntry("NEWSFLOW_TOPIC_REPLICATION", "3")
                .containsEntry("NEWSFLOW_TOPIC_MIN_ISR", "2")
                .containsEntry("NEWSFLOW_INDEX_REPLICAS", "1")
                .containsEntry("NEWSFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094");
    }

    @Test
    void theFleetNeedsTheServicesClassPaths() {
        Env env = new Env(Map.of("NEWSFLOW_HOME", "/tmp/nf"));
        assertThatThrownBy(() -> LocalClusterMain.fleetPlan(env, ClusterSettings.fromEnv(env)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_CLASSPATH_INGEST");
    }
}
