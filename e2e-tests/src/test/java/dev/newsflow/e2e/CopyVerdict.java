package dev.newsflow.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How dedup flagged the near-duplicate copies a traffic sent, read from the index at the end: every indexed
 * copy names its original in {@code duplicate_of}, and no original is itself flagged. Save one case the
 * README's "Duplicates" allows: an original that reached enrich only after its copy (its partition lagging,
 * say behind a killed instance) while the copy was already filed is taken for the copy of it. That pair is
 * counted as reversed, not wrong, when the original's {@code enriched_at} is after its copy's; a reversed
 * pair without that lag is wrong.
 *
 * @param sent     copies sent
 * @param indexed  copies the index holds
 * @param flagged  indexed copies naming their original
 * @param reversed indexed pairs the other way round, the original enriched after its copy
 * @param wrong    each indexed copy naming another story or none, and each original flagged as a copy
 *                 (but for the reversed pairs)
 * @param others   documents flagged that are neither a copy nor an original of one: two generated stories close
 *                 by chance; counted for the record, not wrong
 */
record CopyVerdict(int sent, int indexed, int flagged, int reversed, List<String> wrong, int others) {

    private static final int SHOWN = 20;

    CopyVerdict {
        wrong = List.copyOf(wrong);
    }

    /**
     * @param indexed     the ids of the source's documents
     * @param duplicateOf the source's documents that name an original: id → that original
     * @param enrichedAt  the source's documents: id → when enrich-service enriched that version
     */
    static CopyVerdict of(List<StoryCopy> copies, Set<String> indexed, Map<String, String> duplicateOf,
                          Map<String, Instant> enrichedAt) {
        List<String> wrong = new ArrayList<>();
        int present = 0;
        int flagged = 0;
        int reversed = 0;
        for (StoryCopy copy : copies) {
            String named = duplicateOf.get(copy.id());
            boolean laterOriginal = named == null && copy.id().equals(duplicateOf.get(copy.originalId()))
                    && enrichedAt.containsKey(copy.id()) && enrichedAt.containsKey(copy.originalId())
                    && enrichedAt.get(copy.originalId()).isAfter(enrichedAt.get(copy.id()));
            if (duplicateOf.containsKey(copy.originalId()) && !laterOriginal) {
                wrong.add("original " + copy.originalId() + " flagged as a copy of " + duplicateOf.get(copy.originalId()));
            }
            if (!indexed.contains(copy.id())) {
                continue;
            }
            present++;
            if (copy.originalId().equals(named)) {
                flagged++;
            } else if (laterOriginal) {
                reversed++;
            } else {
                wrong.add("copy " + copy.id() + " of " + copy.originalId() + " names "
                        + Objects.requireNonNullElse(named, "no original"));
            }
        }
        Set<String> involved = copies.stream().flatMap(c -> Stream.of(c.id(), c.originalId())).collect(Collectors.toSet());
        int others = (int) duplicateOf.keySet().stream().filter(id -> !involved.contains(id)).count();
        return new CopyVerdict(copies.size(), present, flagged, reversed, wrong, others);
    }

    boolean holds() {
        return wrong.isEmpty();
    }

    String describe() {
        return "copies sent " + sent + ", indexed " + indexed + ", flagged with their original " + flagged
                + ", the other way round after a lagging original " + reversed
                + ", other documents flagged " + others
                + (wrong.isEmpty() ? "" : "\n  wrong: " + wrong.size() + (wrong.size() > SHOWN ? " (first " + SHOWN + ")" : "")
                + "\n" + wrong.stream().limit(SHOWN).map(line -> "    " + line).collect(Collectors.joining("\n")));
    }
}
