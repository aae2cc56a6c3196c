package dev.newsflow.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.scram.ScramLoginModule;

/**
 * How a Newsflow process authenticates to Kafka: the security protocol, and for SASL the SCRAM user
 * and password, for SSL the trust store. The same settings go into every Kafka client a process makes
 * (see {@link KafkaSettings#clientProperties}). {@code toString} never shows a secret.
 *
 * @param protocol           {@code NEWSFLOW_KAFKA_SECURITY_PROTOCOL}: PLAINTEXT (default), SASL_PLAINTEXT, SASL_SSL or SSL
 * @param mechanism          {@code NEWSFLOW_KAFKA_SASL_MECHANISM}: SCRAM-SHA-512 (default with SASL) or SCRAM-SHA-256; null without SASL
 * @param username           {@code NEWSFLOW_KAFKA_USERNAME}, required with SASL
 * @param password           {@code NEWSFLOW_KAFKA_PASSWORD}, required with SASL
 * @param truststore         {@code NEWSFLOW_KAFKA_TRUSTSTORE}, optional with SSL (else the JVM's own CAs)
 * @param truststorePassword {@code NEWSFLOW_KAFKA_TRUSTSTORE_PASSWORD}
 * @param truststoreType     {@code NEWSFLOW_KAFKA_TRUSTSTORE_TYPE}: PKCS12 (default) or JKS
 */
public record KafkaSecurity(String protocol, String mechanism, String username, String password,
                            Path truststore, String truststorePassword, String truststoreType) {

    public static final KafkaSecurity PLAINTEXT = new KafkaSecurity("PLAINTEXT", null, null, null, null, null, null);

    static final String PROTOCOL = "NEWSFLOW_KAFKA_SECURITY_PROTOCOL";
    static final String MECHANISM = "NEWSFLOW_KAFKA_SASL_MECHANISM";
    static final String USERNAME = "NEWSFLOW_KAFKA_USERNAME";
    static final String PASSWORD = "NEWSFLOW_KAFKA_PASSWORD";
    static final String TRUSTSTORE = "NEWSFLOW_KAFKA_TRUSTSTORE";
    static final String TRUSTSTORE_PASSWORD = "NEWSFLOW_KAFKA_TRUSTSTORE_PASSWORD";
    static final String TRUSTSTORE_TYPE = "NEWSFLOW_KAFKA_TRUSTSTORE_TYPE";

    private static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL", "SSL");
    private static final List<String> MECHANISMS = List.of("SCRAM-SHA-512", "SCRAM-SHA-256");
    private static final List<String> STORE_TYPES = List.of("PKCS12", "JKS");

    /**
     * Reads the variables above. Settings that the chosen protocol would ignore are refused rather than
     * dropped, so a half-done configuration fails at start-up instead of connecting without them.
     *
     * @throws ConfigException naming the variable that is missing, unknown or out of place
     */
    public static KafkaSecurity fromEnv(Env env) {
        String protocol = oneOf(env, PROTOCOL, "PLAINTEXT", PROTOCOLS);
        boolean sasl = protocol.startsWith("SASL_");
        boolean ssl = protocol.endsWith("SSL");
        if (!sasl) {
            refuse(env, protocol, "SASL_PLAINTEXT or SASL_SSL", MECHANISM, USERNAME, PASSWORD);
        }
        if (!ssl) {
            refuse(env, protocol, "SSL or SASL_SSL", TRUSTSTORE, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE);
        }
        String mechanism = sasl ? oneOf(env, MECHANISM, "SCRAM-SHA-512", MECHANISMS) : null;
        String username = sasl ? requiredWith(env, USERNAME, protocol) : null;
        String password = sasl ? untrimmed(env, PASSWORD, protocol) : null;
        if (sasl) {
            // A line break ends a quoted value in sasl.jaas.config, so it cannot be passed through.
            for (var entry : Map.of(USERNAME, username, PASSWORD, password).entrySet()) {
                if (entry.getValue().indexOf('\n') >= 0 || entry.getValue().indexOf('\r') >= 0) {
                    throw new ConfigException(entry.getKey() + " must not contain a line break");
                }
            }
        }
        Path truststore = ssl ? env.find(TRUSTSTORE).map(Path::of).orElse(null) : null;
        if (truststore != null && !Files.isReadable(truststore)) {
            throw new ConfigException(TRUSTSTORE + " names " + truststore + ", which is not a readable file");
        }
        if (ssl && truststore == null && env.find(TRUSTSTORE_PASSWORD).isPresent()) {
            throw new ConfigException(TRUSTSTORE_PASSWORD + " is set but " + TRUSTSTORE + " is not");
        }
        String storePassword = truststore == null ? null : env.find(TRUSTSTORE_PASSWORD).orElse(null);
        String storeType = truststore == null ? null : oneOf(env, TRUSTSTORE_TYPE, "PKCS12", STORE_TYPES);
        return new KafkaSecurity(protocol, mechanism, username, password, truststore, storePassword, storeType);
    }

    /** A SASL_PLAINTEXT SCRAM-SHA-512 login, as the local stack's secured broker takes. */
    public static KafkaSecurity scram(String username, String password) {
        return new KafkaSecurity("SASL_PLAINTEXT", "SCRAM-SHA-512", username, password, null, null, null);
    }

    /** The client properties for this security: none but the protocol for PLAINTEXT. */
    public Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (mechanism != null) {
            props.put(SaslConfigs.SASL_MECHANISM, mechanism);
            props.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
        }
        if (truststore != null) {
            props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore.toString());
            props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, truststoreType);
            if (truststorePassword != null) {
                props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
            }
        }
        return Map.copyOf(props);
    }

    /**
     * The {@code sasl.jaas.config} line. Kafka reads it with a {@link java.io.StreamTokenizer}, which
     * takes a backslash in a quoted value as an escape: backslashes and quotes are escaped so any
     * password arrives unchanged.
     */
    String jaasConfig() {
        return ScramLoginModule.class.getName() + " required username=\"" + quoted(username)
                + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String oneOf(Env env, String name, String fallback, List<String> allowed) {
        String value = env.string(name, fallback).toUpperCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new ConfigException(name + " must be one of " + String.join(", ", allowed) + ", got \""
                    + env.find(name).orElse("") + "\"");
        }
        return value;
    }

    private static String requiredWith(Env env, String name, String protocol) {
        Optional<String> value = env.find(name);
        return value.orElseThrow(() -> new ConfigException(name + " must be set when " + PROTOCOL + " is " + protocol));
    }

    /** A password is taken as it is: a leading or trailing space may be part of it. */
    private static String untrimmed(Env env, String name, String protocol) {
        requiredWith(env, name, protocol);
        return env.values().get(name);
    }

    private static void refuse(Env env, String protocol, String applies, String... names) {
        for (String name : names) {
            if (env.find(name).isPresent()) {
                throw new ConfigException(name + " is set but " + PROTOCOL + " is " + protocol
                        + "; it applies to " + applies + " only");
            }
        }
    }

    @Override
    public String toString() {
        return "KafkaSecurity[" + protocol + (mechanism == null ? "" : ", " + mechanism + ", username=" + username)
                + (truststore == null ? "" : ", truststore=" + truststore) + "]";
    }
}
