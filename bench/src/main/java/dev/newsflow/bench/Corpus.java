package dev.newsflow.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.core.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The articles every stage of one run works on, generated once from a seed. Stages encode the
 * bodies they send before their clock starts, so encoding is never part of a figure.
 *
 * @param seed     the seed they came from; the same seed gives the same articles
 * @param articles in the order they are sent: originals first in each stretch, then their duplicates and updates
 */
public record Corpus(long seed, List<CorpusArticle> articles) {

    private static final ObjectWriter WRITER = Json.mapper().writer();

    public Corpus {
        articles = List.copyOf(articles);
    }

    public int size() {
        return articles.size();
    }

    /** Article {@code i} as the native JSON a feed posts, without the corpus bookkeeping field. */
    public byte[] json(int i) {
        ObjectNode node = Json.mapper().valueToTree(articles.get(i));
        node.remove("kind");
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Articles {@code from} (inclusive) to {@code to} (exclusive) as one NDJSON body. */
    public byte[] ndjson(int from, int to) {
        StringBuilder body = new StringBuilder();
        for (int i = from; i < to; i++) {
            body.append(new String(json(i), StandardCharsets.UTF_8)).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** How many articles are of the given kind. */
    @JsonIgnore
    public long count(CorpusArticle.Kind kind) {
        return articles.stream().filter(a -> a.kind() == kind).count();
    }

    /** The mean size of an article's native JSON, which is what the raw producer is given to send. */
    @JsonIgnore
    public int meanJsonBytes() {
        long total = 0;
        for (int i = 0; i < articles.size(); i++) {
            total += json(i).length;
        }
        return articles.isEmpty() ? 0 : (int) (total / articles.size());
    }
}
