package dev.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension giving integration tests a {@link LocalCluster} (three brokers, three
 * Elasticsearch nodes) in a fresh folder on free ports, started once per test run and shared by every
 * class that uses it, stopped and deleted when the run ends. Injected as {@link LocalCluster}.
 */
public final class LocalClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context).cluster();
    }

    private static TestRunCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("cluster", key -> TestRunCluster.start(), TestRunCluster.class);
    }

    /** The run's cluster and its folder; the root store closes it when the run ends. */
    private record TestRunCluster(LocalCluster cluster, Path home) implements AutoCloseable {

        static TestRunCluster start() {
            try {
                Path home = Files.createTempDirectory("newsflow-cluster-it-");
                return new TestRunCluster(LocalCluster.start(ClusterSettings.forTests(home, TestFolders.cache())), home);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            cluster.close();
            TestFolders.delete(home);
        }
    }
}
