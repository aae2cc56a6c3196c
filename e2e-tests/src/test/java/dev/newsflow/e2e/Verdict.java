package dev.newsflow.e2e;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The delivery invariant checked over one source's full record: every acknowledged article is in
 * the index exactly once at its latest acknowledged version, or absent after an acknowledged kill,
 * or in the dead letter topic with a reason. Each list names the ids that break it.
 *
 * @param acknowledged  ids with at least one 202
 * @param indexed       acknowledged ids the index holds
 * @param deadLettered  acknowledged ids not indexed as promised but in the dead letter topic → the reason
 * @param missing       acknowledged, neither killed, indexed nor dead-lettered: lost
 * @param stale         indexed at another version than the latest acknowledged one: a lost update
 * @param killedPresent an acknowledged kill, yet the document is still there: a lost kill
 * @param duplicated    ids held by more than one document
 * @param unexpected    ids in the index that no client ever sent
 */
record Verdict(int acknowledged, int indexed, Map<String, String> deadLettered, List<String> missing,
               List<String> stale, List<String> killedPresent, List<String> duplicated, List<String> unexpected) {

    private static final int SHOWN = 50;

    Verdict {
        deadLettered = Map.copyOf(deadLettered);
        missing = List.copyOf(missing);
        stale = List.copyOf(stale);
        killedPresent = List.copyOf(killedPresent);
        duplicated = List.copyOf(duplicated);
        unexpected = List.copyOf(unexpected);
    }

    /** Acknowledged writes (articles, updates, kills) whose effect is not in the index nor in the dead letters. */
    int lost() {
        return missing.size() + stale.size() + killedPresent.size();
    }

    boolean holds() {
        return lost() == 0 && duplicated.isEmpty() && unexpected.isEmpty();
    }

    /** What broke, each list with its count and its first ids. */
    String describe() {
        return "acknowledged " + acknowledged + ", indexed " + indexed + ", dead letters " + deadLettered.size()
                + "\n" + listed("missing (lost)", missing)
                + listed("stale version (lost update)", stale)
                + listed("killed but present (lost kill)", killedPresent)
                + listed("duplicated", duplicated)
                + listed("indexed but never sent", unexpected)
                + listed("dead-lettered", deadLettered.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static String listed(String what, List<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        return "  " + what + ": " + ids.size() + (ids.size() > SHOWN ? " (first " + SHOWN + ")" : "") + "\n"
                + ids.stream().limit(SHOWN).map(id -> "    " + id).collect(Collectors.joining("\n")) + "\n";
    }
}
