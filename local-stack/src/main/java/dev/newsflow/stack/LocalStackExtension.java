package dev.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension giving integration tests a real Kafka broker and Elasticsearch node,
 * started once per test run (the root store closes it when the run ends) and injected as
 * {@link StackEndpoints} (or {@link LocalStack}, for tests that kill and restart servers).
 *
 * <p>{@code -Dnewsflow.stack=local} (default) starts local processes on free ports;
 * {@code containers} starts the official images through Testcontainers where Docker runs;
 * {@code external} uses servers already running at {@code NEWSFLOW_KAFKA_BOOTSTRAP} and
 * {@code NEWSFLOW_ES_URL}.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == StackEndpoints.class || type == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningStack stack = stack(context);
        if (parameter.getParameter().getType() == StackEndpoints.class) {
            return stack.endpoints();
        }
        if (stack instanceof LocalStack local) {
            return local;
        }
        throw new IllegalStateException("this test controls the servers itself and needs -Dnewsflow.stack=local");
    }

    private static RunningStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("stack", key -> start(), RunningStack.class);
    }

    private static RunningStack start() {
        String mode = System.getProperty("newsflow.stack", "local");
        return switch (mode) {
            case "local" -> TestRunStack.start();
            case "containers" -> {
                Properties build = buildProperties();
                yield ContainerStack.start(build.getProperty("kafka.version"), build.getProperty("elasticsearch.version"));
            }
            case "external" -> new ExternalStack(new StackEndpoints(
                    System.getenv().getOrDefault("NEWSFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                    System.getenv().getOrDefault("NEWSFLOW_ES_URL", "http://127.0.0.1:9200")));
            default -> throw new IllegalArgumentException("newsflow.stack must be local, containers or external; got " + mode);
        };
    }

    private static Properties buildProperties() {
        Properties props = new Properties();
        try (var in = LocalStackExtension.class.getResourceAsStream("/newsflow-stack.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    /** Servers someone else runs: nothing to start or stop. */
    private record ExternalStack(StackEndpoints endpoints) implements RunningStack {
        @Override
        public void close() {
            // Not ours to stop.
        }
    }

    /** A local stack in a fresh temporary folder, deleted when the run ends. */
    private static final class TestRunStack {

        private TestRunStack() {
        }

        static LocalStack start() {
            try {
                Path home = Files.createTempDirectory("newsflow-it-");
                LocalStack stack = LocalStack.start(StackSettings.forTests(home, TestFolders.cache()));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stack.close();
                    TestFolders.delete(home);
                }, "test-stack-cleanup"));
                return stack;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
