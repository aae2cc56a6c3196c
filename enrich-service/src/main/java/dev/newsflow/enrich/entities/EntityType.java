package dev.newsflow.enrich.entities;

/** The kinds of named entity an article is tagged with, as the CoNLL-2003 tagger names them. */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    PLACE,
    /** Nationalities, events, works and the like: never published, but a name the tagger claimed. */
    MISC
}
