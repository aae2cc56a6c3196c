package dev.newsflow.core;

import java.util.Optional;

/**
 * Where a service serves {@code /metrics} and its detailed readiness when they are kept off the public
 * port: a second listener, bound to the loopback interface unless told otherwise.
 *
 * @param host {@code NEWSFLOW_MANAGEMENT_HOST}, default {@code 127.0.0.1}
 * @param port the service's {@code NEWSFLOW_<SERVICE>_MANAGEMENT_PORT}; 0 picks a free port
 */
public record ManagementPort(String host, int port) {

    static final String HOST = "NEWSFLOW_MANAGEMENT_HOST";

    /**
     * The management port named by {@code portVariable}, or empty when it is unset: then everything
     * stays on the public port, as before there was a management port.
     */
    public static Optional<ManagementPort> fromEnv(Env env, String portVariable) {
        if (env.find(portVariable).isEmpty()) {
            if (env.find(HOST).isPresent()) {
                throw new ConfigException(HOST + " is set but " + portVariable + " is not; set the port too");
            }
            return Optional.empty();
        }
        return Optional.of(new ManagementPort(env.string(HOST, "127.0.0.1"), env.port(portVariable, 0)));
    }
}
