package dev.newsflow.index;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Keeps each article id's writes in log order while several bulk requests are in flight: at most one
 * write per id is with Elasticsearch at a time, and a later write of that id is held here, in order,
 * until the earlier one is settled. Holding it aside rather than waiting lets the poll thread go on
 * with every other id, so an update right behind its story costs that story's round trip only.
 * Used by the poll thread only; not thread-safe.
 */
final class IdOrder {

    /** Ids with a write handed to the ingester and not yet settled. */
    private final Set<String> unconfirmed = new HashSet<>();
    private final Map<String, Deque<BulkWrite>> held = new HashMap<>();

    /**
     * @return true when the write may be sent now (its id then counts as unconfirmed); false when it
     *         was held behind an unsettled write of its id
     */
    boolean admit(BulkWrite write) {
        if (unconfirmed.add(write.id())) {
            return true;
        }
        held.computeIfAbsent(write.id(), id -> new ArrayDeque<>()).add(write);
        return false;
    }

    /**
     * The write of {@code id} with Elasticsearch was confirmed or failed.
     *
     * @return the next held write of the id, to send now (the id stays unconfirmed), or empty
     */
    Optional<BulkWrite> settled(String id) {
        Deque<BulkWrite> queue = held.get(id);
        if (queue == null) {
            unconfirmed.remove(id);
            return Optional.empty();
        }
        BulkWrite next = queue.poll();
        if (queue.isEmpty()) {
            held.remove(id);
        }
        return Optional.of(next);
    }

    /** Drops the held writes that match, in log order per id, for a rewind to read them again. */
    List<BulkWrite> dropHeld(Predicate<PendingWrite> which) {
        List<BulkWrite> dropped = new ArrayList<>();
        for (Iterator<Deque<BulkWrite>> queues = held.values().iterator(); queues.hasNext(); ) {
            Deque<BulkWrite> queue = queues.next();
            queue.removeIf(write -> which.test(write.context()) && dropped.add(write));
            if (queue.isEmpty()) {
                queues.remove();
            }
        }
        return dropped;
    }

    int heldCount() {
        return held.values().stream().mapToInt(Deque::size).sum();
    }
}
