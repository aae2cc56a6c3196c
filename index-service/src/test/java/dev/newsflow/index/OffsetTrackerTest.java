package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsNothingBeforeAnythingIsTracked() {
        assertThat(tracker.commitPosition()).isEmpty();
        assertThat(tracker.rewind()).isEmpty();
    }

    @Test
    void commitsOnlyUpToTheFirstUnconfirmedOffset() {
        tracker.track(10);
        tracker.track(11);
        tracker.track(12);
        assertThat(tracker.commitPosition()).hasValue(10);

        tracker.confirm(11);
        tracker.confirm(12);
        assertThat(tracker.commitPosition()).hasValue(10);

        tracker.confirm(10);
        assertThat(tracker.commitPosition()).hasValue(13);
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void toleratesGapsLeftByCompaction() {
        tracker.track(3);
        tracker.track(7);
        tracker.track(20);
        tracker.confirm(3);
        assertThat(tracker.commitPosition()).hasValue(7);
        tracker.confirm(7);
        assertThat(tracker.commitPosition()).hasValue(20);
        tracker.confirm(20);
        assertThat(tracker.commitPosition()).hasValue(21);
    }

    @Test
    void aFailedWriteHoldsTheCommitAndLeavesFlight() {
        tracker.track(0);
        tracker.track(1);
        tracker.track(2);
        tracker.fail(1);
        tracker.confirm(0);
        tracker.confirm(2);

        assertThat(tracker.hasFailures()).isTrue();
        assertThat(tracker.inFlight()).isZero();
        assertThat(tracker.commitPosition()).hasValue(1);
    }

    @Test
    void rewindReturnsTheFirstUnconfirmedOffsetAndStartsOverFromIt() {
        tracker.track(5);
        tracker.track(6);
        tracker.track(7);
        tracker.confirm(5);
        tracker.fail(6);
        tracker.confirm(7);

        assertThat(tracker.rewind()).hasValue(6);
        assertThat(tracker.commitPosition()).hasValue(6);
        assertThat(tracker.hasFailures()).isFalse();

        tracker.track(6);
        tracker.track(7);
        tracker.confirm(6);
        tracker.confirm(7);
        assertThat(tracker.commitPosition()).hasValue(8);
    }

    @Test
    void rewindWithEverythingConfirmedKeepsThePosition() {
        tracker.track(1);
        tracker.confirm(1);
        assertThat(tracker.rewind()).isEmpty();
        assertThat(tracker.commitPosition()).hasValue(2);
    }

    @Test
    void rejectsOffsetsGoingBackwards() {
        tracker.track(9);
        assertThatThrownBy(() -> tracker.track(8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ignoresOutcomesForOffsetsItDoesNotHold() {
        tracker.track(1);
        tracker.fail(99);
        tracker.confirm(42);
        assertThat(tracker.hasFailures()).isFalse();
        assertThat(tracker.inFlight()).isEqualTo(1);
    }
}
