package dev.newsflow.enrich.entities;

import java.util.List;

/**
 * One correction of the tagger's mentions in an article: given them in text order and the text
 * they point into, the mentions as they should be. Each rule is linear in the text and the mentions.
 */
interface MentionRule {

    List<Mention> apply(List<Mention> mentions, String text);
}
