package dev.newsflow.enrich.dedup;

/** Counts the articles {@link CopyResolver} marks as copies; the service's meters implement it. */
public interface DuplicateCounter {

    void duplicate();
}
