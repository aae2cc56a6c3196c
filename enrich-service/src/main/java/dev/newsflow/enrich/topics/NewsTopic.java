package dev.newsflow.enrich.topics;

import java.util.Locale;

/**
 * The 17 top-level IPTC Media Topics, under the stable lower-case ids that go into
 * {@code EnrichedArticle.topics}. {@code code} is the two-digit head of the eight-digit IPTC code,
 * which Media Topics ({@code medtop:11000000}) and the older Subject Codes ({@code subj:11000000})
 * share for these top-level concepts.
 */
enum NewsTopic {
    ARTS_CULTURE_ENTERTAINMENT("arts-culture-entertainment", 1),
    CRIME_LAW_JUSTICE("crime-law-justice", 2),
    DISASTER_ACCIDENT("disaster-accident", 3),
    ECONOMY_BUSINESS_FINANCE("economy-business-finance", 4),
    EDUCATION("education", 5),
    ENVIRONMENT("environment", 6),
    HEALTH("health", 7),
    HUMAN_INTEREST("human-interest", 8),
    LABOUR("labour", 9),
    LIFESTYLE_LEISURE("lifestyle-leisure", 10),
    POLITICS("politics", 11),
    RELIGION("religion", 12),
    SCIENCE_TECHNOLOGY("science-technology", 13),
    SOCIETY("society", 14),
    SPORT("sport", 15),
    CONFLICT_WAR("conflict-war", 16),
    WEATHER("weather", 17);

    private final String id;
    private final int code;

    NewsTopic(String id, int code) {
        this.id = id;
        this.code = code;
    }

    /** The id written to {@code topics}, such as {@code "conflict-war"}. */
    String id() {
        return id;
    }

    /** The top-level IPTC code, such as {@code "16000000"}. */
    String iptcCode() {
        return String.format(Locale.ROOT, "%02d000000", code);
    }

    /** The topic with this two-digit IPTC head (1 to 17), or null. */
    static NewsTopic ofCode(int code) {
        for (NewsTopic topic : values()) {
            if (topic.code == code) {
                return topic;
            }
        }
        return null;
    }

    /** The topic with this id, or null. */
    static NewsTopic ofId(String id) {
        for (NewsTopic topic : values()) {
            if (topic.id.equals(id)) {
                return topic;
            }
        }
        return null;
    }
}
