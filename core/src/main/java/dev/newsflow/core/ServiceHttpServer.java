package dev.newsflow.core;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's HTTP listeners. Without a {@link ManagementPort}, one listener serves everything (see
 * {@link ServiceHttp#create}). With one, the public port keeps the service's routes, {@code /health/live}
 * and a {@code /health/ready} that answers UP or DOWN only, and a second Jetty server on the management
 * host and port serves {@code /metrics} and the readiness that names each failing dependency: what is
 * wrong inside a service is nobody's business on the port the world reaches.
 */
public final class ServiceHttpServer {

    private static final Logger log = LoggerFactory.getLogger(ServiceHttpServer.class);

    private final Javalin api;
    private final Javalin management;
    private final ManagementPort managementPort;

    private ServiceHttpServer(Javalin api, Javalin management, ManagementPort managementPort) {
        this.api = api;
        this.management = management;
        this.managementPort = managementPort;
    }

    /**
     * The listeners, not started yet.
     *
     * @param readiness  the dependencies {@code /health/ready} checks, by name
     * @param routes     adds the service's own routes to the public listener
     * @param management where {@code /metrics} and the detailed readiness go; empty keeps them on the public port
     */
    public static ServiceHttpServer create(PrometheusMeterRegistry registry, Map<String, HealthCheck> readiness,
                                           Consumer<RoutesConfig> routes, Optional<ManagementPort> management) {
        if (management.isEmpty()) {
            return new ServiceHttpServer(ServiceHttp.create(registry, readiness, routes, ServiceHttp.Exposure.ALL), null, null);
        }
        return new ServiceHttpServer(
                ServiceHttp.create(registry, readiness, routes, ServiceHttp.Exposure.PUBLIC),
                ServiceHttp.create(registry, readiness, r -> { }, ServiceHttp.Exposure.MANAGEMENT),
                management.get());
    }

    /** Starts the management listener (when there is one), then the public one on {@code port} (0: any free port). */
    public ServiceHttpServer start(int port) {
        if (management != null) {
            management.start(managementPort.host(), managementPort.port());
            log.info("/metrics and readiness details on {}:{}", managementPort.host(), management.port());
        }
        try {
            api.start(port);
        } catch (RuntimeException e) {
            if (management != null) {
                management.stop();
            }
            throw e;
        }
        return this;
    }

    /** The public port; the actual one when 0 was asked for. */
    public int port() {
        return api.port();
    }

    /** The management port, when {@code /metrics} is served apart. */
    public OptionalInt managementPort() {
        return management == null ? OptionalInt.empty() : OptionalInt.of(management.port());
    }

    /** Stops the public listener first, so a scrape still works while requests drain. */
    public void stop() {
        api.stop();
        if (management != null) {
            management.stop();
        }
    }
}
