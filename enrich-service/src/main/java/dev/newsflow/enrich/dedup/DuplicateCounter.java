package dev.newsflow.enrich.dedup;

/** Counts the articles {@link DedupProcessor} marks as copies; the service's meters implement it. */
public interface DuplicateCounter {

    void duplicate();
}
