package dev.newsflow.ingest;

import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;

/**
 * Reads one NewsML-G2 {@code newsItem}: the guid and version attributes, {@code itemMeta} (versionCreated,
 * firstCreated, embargoed, pubStatus), {@code contentMeta} (urgency, headline, slugline, dateline, located,
 * by/creator, language, subject) and the text of {@code contentSet}. Refusals are 400s naming the element.
 */
final class NewsItemReader {

    static final String CONTENT_TYPE = "application/vnd.iptc.g2.newsitem+xml";

    private NewsItemReader() {
    }

    /** @throws dev.newsflow.core.ProblemException 400 naming the element at fault */
    static ParsedItem.Valid read(XmlElement item) {
        Optional<XmlElement> itemMeta = item.child("itemMeta");
        Optional<XmlElement> contentMeta = item.child("contentMeta");
        PubStatus pubstatus = itemMeta.flatMap(meta -> meta.child("pubStatus")).map(NewsItemReader::pubStatus).orElse(null);
        NewsItemText text = item.child("contentSet").map(NewsItemText::of).orElse(NewsItemText.NONE);
        Optional<String> guid = item.attribute("guid");
        if (text.isEmpty() && pubstatus != PubStatus.CANCELED) {
            throw item.child("contentSet").orElse(item).invalid(null, "the item carries no text: contentSet needs an "
                    + "inlineXML or inlineData element (remoteContent is not fetched)");
        }
        if (text.isEmpty() && guid.isEmpty()) {
            throw item.invalid("guid", "a canceled item needs the guid of the story it withdraws");
        }
        Instant versionCreated = date(itemMeta, "versionCreated");
        Instant firstCreated = date(itemMeta, "firstCreated");
        Subjects subjects = contentMeta.map(Subjects::of).orElse(Subjects.NONE);
        RawArticle article = RawArticle.builder()
                .guid(guid.orElse(null)).contentType(CONTENT_TYPE)
                .title(headline(item, itemMeta, contentMeta)).body(text.body()).bodyHtml(text.html())
                .language(language(item, contentMeta)).byline(contentMeta.flatMap(NewsItemReader::byline).orElse(null))
                .publishedAt(firstCreated != null ? firstCreated : versionCreated).firstCreatedAt(firstCreated)
                .versionCreatedAt(versionCreated).embargoedUntil(date(itemMeta, "embargoed"))
                .subjects(subjects.subjects()).people(subjects.people()).organizations(subjects.organizations())
                .places(subjects.places())
                .located(contentMeta.flatMap(meta -> meta.child("located")).flatMap(NewsItemReader::conceptName)
                        .orElse(null))
                .dateline(contentMeta.flatMap(meta -> meta.childText("dateline")).orElse(null))
                .urgency(contentMeta.flatMap(meta -> meta.child("urgency")).map(NewsItemReader::urgency).orElse(null))
                .pubstatus(pubstatus)
                .build();
        return new ParsedItem.Valid(article, version(item));
    }

    private static Long version(XmlElement item) {
        Optional<String> version = item.attribute("version");
        if (version.isEmpty()) {
            return null;
        }
        if (!version.get().matches("\\d{1,18}")) {
            throw item.invalid("version", "version must be a whole number of at least 0, got \"" + version.get() + "\"");
        }
        return Long.parseLong(version.get());
    }

    private static PubStatus pubStatus(XmlElement element) {
        // The status is a QCode ("stat:canceled") or a URI ending in the code.
        String code = element.attribute("qcode")
                .or(() -> element.attribute("uri").map(uri -> uri.substring(uri.lastIndexOf('/') + 1)))
                .orElseThrow(() -> element.invalid(null, "pubStatus needs a qcode such as stat:usable"));
        try {
            return PubStatus.parse(code);
        } catch (IllegalArgumentException e) {
            throw element.invalid("qcode", e.getMessage());
        }
    }

    private static Integer urgency(XmlElement element) {
        String value = element.text().orElse("");
        if (!value.matches("[1-9]")) {
            throw element.invalid(null, "urgency must be a whole number from 1 (most urgent) to 9, got \"" + value + "\"");
        }
        return Integer.parseInt(value);
    }

    private static Instant date(Optional<XmlElement> parent, String name) {
        Optional<XmlElement> element = parent.flatMap(p -> p.child(name));
        if (element.isEmpty() || element.get().text().isEmpty()) {
            return null;
        }
        String value = element.get().text().get();
        return FeedDates.parse(value).orElseThrow(() -> element.get().invalid(null,
                name + " must be " + FeedDates.expected() + "; got \"" + value + "\""));
    }

    /** The main headline: one without a role or with a "main" role, else the first; then itemMeta's title. */
    private static String headline(XmlElement item, Optional<XmlElement> itemMeta, Optional<XmlElement> contentMeta) {
        List<XmlElement> headlines = contentMeta.map(meta -> meta.children("headline")).orElse(List.of());
        for (XmlElement headline : headlines) {
            Optional<String> role = headline.attribute("role");
            if (role.isEmpty() || role.get().endsWith(":main") || role.get().equals("main")) {
                return headline.text().orElse(null);
            }
        }
        if (!headlines.isEmpty()) {
            return headlines.getFirst().text().orElse(null);
        }
        return itemMeta.flatMap(meta -> meta.childText("title")).orElse(null);
    }

    /** {@code by} when the provider wrote one, else the creators' names. */
    private static Optional<String> byline(XmlElement contentMeta) {
        Optional<String> by = contentMeta.childText("by");
        if (by.isPresent()) {
            return by;
        }
        List<String> creators = new ArrayList<>();
        contentMeta.children("creator").forEach(creator -> conceptName(creator).ifPresent(creators::add));
        return creators.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", creators));
    }

    private static String language(XmlElement item, Optional<XmlElement> contentMeta) {
        return contentMeta.flatMap(meta -> meta.child("language")).flatMap(language -> language.attribute("tag"))
                .or(() -> Optional.ofNullable(item.element().getAttributeNS(XMLConstants.XML_NS_URI, "lang"))
                        .filter(lang -> !lang.isBlank()))
                .orElse(null);
    }

    /** A concept's first name, else its literal, else its code. */
    static Optional<String> conceptName(XmlElement concept) {
        return concept.childText("name")
                .or(() -> concept.attribute("literal"))
                .or(() -> code(concept));
    }

    static Optional<String> code(XmlElement concept) {
        return concept.attribute("qcode").or(() -> concept.attribute("uri"));
    }

    /**
     * contentMeta's subjects. Every subject keeps its code; people, organisations and places
     * (cpnat:person, cpnat:organisation, cpnat:geoArea, cpnat:poi) give their names to those lists,
     * other subjects (topics) give theirs to the subjects.
     */
    private record Subjects(List<String> subjects, List<String> people, List<String> organizations,
                            List<String> places) {

        static final Subjects NONE = new Subjects(List.of(), List.of(), List.of(), List.of());

        static Subjects of(XmlElement contentMeta) {
            Set<String> subjects = new LinkedHashSet<>();
            Set<String> people = new LinkedHashSet<>();
            Set<String> organizations = new LinkedHashSet<>();
            Set<String> places = new LinkedHashSet<>();
            for (XmlElement subject : contentMeta.children("subject")) {
                code(subject).ifPresent(subjects::add);
                Optional<String> name = subject.childText("name");
                Set<String> names = switch (conceptNature(subject)) {
                    case "person" -> people;
                    case "organisation" -> organizations;
                    case "geoArea", "poi" -> places;
                    default -> subjects;
                };
                name.ifPresent(names::add);
            }
            return new Subjects(List.copyOf(subjects), List.copyOf(people), List.copyOf(organizations),
                    List.copyOf(places));
        }

        /** The concept nature, from a QCode ({@code type="cpnat:person"}) or a URI ({@code typeuri=".../cpnature/person"}). */
        private static String conceptNature(XmlElement subject) {
            String type = subject.attribute("type").or(() -> subject.attribute("typeuri")).orElse("");
            return type.substring(Math.max(type.lastIndexOf(':'), type.lastIndexOf('/')) + 1);
        }
    }
}
