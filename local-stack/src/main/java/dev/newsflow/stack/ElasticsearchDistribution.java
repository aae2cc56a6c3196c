package dev.newsflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch node's files: the {@code integ-test-zip} distribution that Maven fetched,
 * unpacked once into the cache and reused by every later start.
 */
final class ElasticsearchDistribution {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);

    private ElasticsearchDistribution() {
    }

    /**
     * The unpacked distribution folder (holding {@code bin/elasticsearch}), unpacking it when missing.
     * Synchronized: the nodes of a cluster start at once, and only the first may unpack into a fresh cache.
     */
    static synchronized Path installIn(Path cache) {
        Properties build = buildProperties();
        String version = build.getProperty("elasticsearch.version");
        Path target = cache.resolve("elasticsearch-" + version);
        if (Files.isExecutable(target.resolve("bin/elasticsearch"))) {
            return target;
        }
        Path zip = Path.of(System.getenv().getOrDefault("NEWSFLOW_ES_ZIP", build.getProperty("elasticsearch.zip")));
        if (!Files.isRegularFile(zip)) {
            throw new StackStartException("the Elasticsearch distribution is not at " + zip
                    + "; run ./mvnw package (it fetches it from Maven Central) or point NEWSFLOW_ES_ZIP at it");
        }
        log.info("unpacking Elasticsearch {} into {} (once)", version, target);
        try {
            Files.createDirectories(cache);
            Path staging = Files.createTempDirectory(cache, ".unpack-");
            unzip(zip, staging);
            // The zip holds one top-level folder, elasticsearch-<version>.
            Files.move(staging.resolve("elasticsearch-" + version), target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + cache, e);
        }
        return target;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                // Java's zip reader drops Unix modes; the launch scripts and native tools need theirs.
                if (entry.getName().contains("/bin/")) {
                    out.toFile().setExecutable(true, false);
                }
            }
        }
    }

    private static Properties buildProperties() {
        Properties props = new Properties();
        try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("/newsflow-stack.properties")) {
            if (in == null) {
                throw new StackStartException("the local-stack jar has no newsflow-stack.properties; build it with ./mvnw package");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
