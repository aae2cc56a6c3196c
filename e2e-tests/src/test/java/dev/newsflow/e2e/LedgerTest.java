package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerTest {

    private static Submission version(long version) {
        return new Submission("id1", "g1", version, false);
    }

    private static Submission kill(long version) {
        return new Submission("id1", "g1", version, true);
    }

    @Test
    void theLatestAcknowledgedVersionIsExpected() {
        Ledger ledger = new Ledger();
        ledger.acknowledged(version(1));
        ledger.acknowledged(version(2));

        Expected expected = ledger.expectations().get("id1");
        assertThat(expected.allows(2L)).isTrue();
        assertThat(expected.allows(1L)).as("a stale version").isFalse();
        assertThat(expected.allows(null)).as("a lost article").isFalse();
        assertThat(ledger.sent()).isEqualTo(2);
        assertThat(ledger.acknowledged()).isEqualTo(2);
    }

    @Test
    void anAcknowledgedKillExpectsNoDocument() {
        Ledger ledger = new Ledger();
        ledger.acknowledged(version(1));
        ledger.acknowledged(kill(2));

        Expected expected = ledger.expectations().get("id1");
        assertThat(expected.allows(null)).isTrue();
        assertThat(expected.allows(1L)).as("a lost kill").isFalse();
    }

    @Test
    void aVersionSentWithoutAnswerMayOrMayNotHaveBeenStored() {
        Ledger ledger = new Ledger();
        ledger.acknowledged(version(1));
        ledger.unconfirmed(version(2));
        ledger.unconfirmed(kill(3));

        Expected expected = ledger.expectations().get("id1");
        assertThat(expected.allows(1L)).isTrue();
        assertThat(expected.allows(2L)).isTrue();
        assertThat(expected.allows(null)).isTrue();
        assertThat(expected.allows(4L)).as("a version nobody sent").isFalse();
    }

    @Test
    void aLaterAcknowledgementSettlesEarlierUnconfirmedVersions() {
        Ledger ledger = new Ledger();
        ledger.unconfirmed(version(1));
        ledger.acknowledged(version(2));

        Expected expected = ledger.expectations().get("id1");
        assertThat(expected.allows(2L)).isTrue();
        assertThat(expected.allows(1L)).isFalse();
    }

    @Test
    void articlesNeverAcknowledgedPromiseNothing() {
        Ledger ledger = new Ledger();
        ledger.unconfirmed(version(1));
        ledger.refused(new Submission("id2", "g2", 1, false), "400 bad");

        assertThat(ledger.expectations()).isEmpty();
        assertThat(ledger.ids()).containsExactlyInAnyOrder("id1", "id2");
        assertThat(ledger.refusals()).containsExactly("id2 v1: 400 bad");
        assertThat(ledger.acknowledged()).isZero();
    }
}
