package dev.newsflow.enrich;

/** A raw article that cannot be enriched (no id, no text); it goes to the dead letter topic with this reason. */
public class EnrichmentException extends RuntimeException {

    public EnrichmentException(String message) {
        super(message);
    }
}
