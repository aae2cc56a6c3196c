package dev.newsflow.enrich.dedup;

import java.util.List;

/** The articles filed under one band key, newest last seen first, at most {@link BandIndex#MAX_MEMBERS}. */
record BandMembers(List<BandMember> members) {

    BandMembers {
        members = List.copyOf(members);
    }
}
