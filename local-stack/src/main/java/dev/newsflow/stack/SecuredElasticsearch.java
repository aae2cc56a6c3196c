package dev.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A single Elasticsearch node with security and TLS on, beside the shared test stack, for tests of
 * what the services' own users may do and of their https clients. It costs one more node start
 * (about 30 to 60 s with the certificates and users made first), so tests share one where they can.
 */
public final class SecuredElasticsearch implements AutoCloseable {

    private final ElasticsearchNode node;
    private final Path home;

    private SecuredElasticsearch(ElasticsearchNode node, Path home) {
        this.node = node;
        this.home = home;
    }

    /**
     * Starts a node in a fresh temporary folder on free ports, with the distribution the test stack
     * uses; {@link #close()} stops it and deletes the folder.
     */
    public static SecuredElasticsearch startForTests(EsSecurity security) {
        try {
            Path home = Files.createTempDirectory("newsflow-secured-es-");
            var node = new ElasticsearchNode(StackSettings.forTests(home, TestFolders.cache()), security);
            var secured = new SecuredElasticsearch(node, home);
            try {
                node.start();
            } catch (RuntimeException e) {
                secured.close();
                throw e;
            }
            return secured;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node's https base URL, e.g. {@code https://127.0.0.1:41234}. */
    public String url() {
        return node.url();
    }

    /** The PEM certificate of the CA that signed the node's certificate. */
    public Path caCertificate() {
        return node.caCertificate();
    }

    @Override
    public void close() {
        node.stop();
        try {
            // The node's folder may lie elsewhere, linked from home, when root runs the tests.
            List<Path> trees = Files.isSymbolicLink(home.resolve("elasticsearch"))
                    ? List.of(home.resolve("elasticsearch").toRealPath(), home)
                    : List.of(home);
            trees.forEach(TestFolders::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + home, e);
        }
    }
}
