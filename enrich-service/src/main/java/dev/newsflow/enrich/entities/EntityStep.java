package dev.newsflow.enrich.entities;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The steps after the CRF tagger, each of which can be switched off to measure what it adds on an
 * evaluation set. In service all run.
 */
enum EntityStep {
    /** Lower-case words in front of a name ("in Milwaukee") leave it. */
    TRIM,
    /** Web page furniture ("All Rights Reserved") and plurals of capitals ("LEDs") are no names. */
    FURNITURE,
    /** Titles leave names ("Mr", "President"), and a name after a title is a person. */
    HONORIFICS,
    /** The gazetteer's types overrule the tagger's where general knowledge settles them. */
    GAZETTEER_TYPES,
    /** Well-known names the tagger missed are added. */
    GAZETTEER_NAMES,
    /** A city before a player's role or after "side", "team", "played for" is its club. */
    SPORTS_CLUBS,
    /** The names of a dateline ("CARDIFF 1996-08-31", "WIGAN , England") are places. */
    DATELINES,
    /** One name, one type where a person is in question, by vote; "Magna" beside "Magna International" is it. */
    DOCUMENT_TYPES,
    /** A lone surname of a person named in full becomes that person. */
    SURNAMES,
    /** Every entity gets its fullest name (otherwise: distinct spellings as tagged). */
    RESOLVE,
    /** With {@link #RESOLVE}: an acronym the text defines in brackets after a name is that name. */
    DEFINED_ACRONYMS;

    /** The system property that selects the steps. */
    static final String PROPERTY = "newsflow.entities.steps";

    /**
     * The steps a setting names: null or blank or "all" for all, "none" for none, a comma list of step
     * names ("trim,resolve") for those, or a comma list of names each with a leading minus
     * ("-surnames") for all but those. Names are case-insensitive; an unknown name fails.
     */
    static Set<EntityStep> parse(String setting) {
        if (setting == null || setting.isBlank() || setting.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(EntityStep.class);
        }
        if (setting.strip().equalsIgnoreCase("none")) {
            return EnumSet.noneOf(EntityStep.class);
        }
        boolean subtract = setting.strip().startsWith("-");
        Set<EntityStep> steps = subtract ? EnumSet.allOf(EntityStep.class) : EnumSet.noneOf(EntityStep.class);
        for (String part : setting.split(",")) {
            String name = part.strip();
            if (name.startsWith("-") != subtract) {
                throw new IllegalArgumentException(PROPERTY + ": mix of added and removed steps in '" + setting + "'");
            }
            EntityStep step = valueOf(name.replaceFirst("^-", "").toUpperCase(Locale.ROOT).replace('-', '_'));
            if (subtract) {
                steps.remove(step);
            } else {
                steps.add(step);
            }
        }
        return steps;
    }
}
