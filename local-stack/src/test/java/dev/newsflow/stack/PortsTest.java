package dev.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aFreePortLiesBelowTheEphemeralRangeAndCanBeBound() throws Exception {
        for (int i = 0; i < 20; i++) {
            int port = Ports.free();
            assertThat(port).isBetween(Ports.FIRST, Ports.LAST);
            try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(bound.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aTakenPortIsNamedWithTheSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "Kafka", "NEWSFLOW_KAFKA_PORT"))
                    .isInstanceOf(StackStartException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("NEWSFLOW_KAFKA_PORT");
        }
    }
}
