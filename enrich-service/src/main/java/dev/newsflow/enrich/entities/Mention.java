package dev.newsflow.enrich.entities;

/**
 * One name found in a text.
 *
 * @param start offset of the first character in the text it was found in; mentions that did not
 *              come from the text (feed entities) have a negative start
 * @param end   offset just past the last character
 */
public record Mention(EntityType type, String text, int start, int end) {

    /** The same span read as another type. */
    public Mention as(EntityType newType) {
        return new Mention(newType, text, start, end);
    }
}
