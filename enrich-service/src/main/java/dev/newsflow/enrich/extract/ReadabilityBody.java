package dev.newsflow.enrich.extract;

import java.util.List;
import java.util.Optional;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The story as Mozilla Readability's scoring finds it (Readability4J): the container whose paragraphs
 * score best, with its siblings of similar score, cleaned of forms, share bars and link lists.
 *
 * <p>Readability4J walks some parts of the tree recursively and revisits ancestors for every
 * paragraph, so its cost grows with depth times size: a page nested deeper or larger than any real
 * article page is left to the linear {@link DensityBody} instead.
 */
final class ReadabilityBody {

    private static final Logger LOG = LoggerFactory.getLogger(ReadabilityBody.class);
    /** The dev set's pages nest at most 56 levels deep and hold at most 3,000 elements: three times that is the limit. */
    static final int MAX_DEPTH = 150;
    static final int MAX_ELEMENTS = 10_000;
    /** Readability resolves relative links against the page's address; any absolute one will do here. */
    private static final String BASE_URI = "https://localhost/";

    private ReadabilityBody() {
    }

    /** The story's blocks, or empty when the page is too deep or large, or Readability finds nothing. */
    static Optional<List<BlockText.Block>> blocks(Document doc, DomShape shape) {
        if (shape.depth() > MAX_DEPTH || shape.elements() > MAX_ELEMENTS) {
            return Optional.empty();
        }
        Article article;
        try {
            article = new Readability4J(BASE_URI, doc.clone()).parse();
        } catch (RuntimeException e) {
            // A parser bug on an odd page must not lose the story: the density fallback takes over.
            LOG.debug("Readability failed, falling back to text density: {}", e.toString());
            return Optional.empty();
        }
        Element content = article.getArticleContent();
        return content == null ? Optional.empty() : Optional.of(BlockText.blocks(content));
    }
}
