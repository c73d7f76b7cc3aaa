package com.caseclock.timeentry.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.caseclock.timeentry.repository.RoundingDirection;

/** Display-only rounding of the billable preview. */
class BillablePreviewTest {

    @ParameterizedTest(name = "{0}s, {1} min {2} -> {3}s")
    @CsvSource({
            "0, 6, UP, 0",
            "1, 6, UP, 360",
            "360, 6, UP, 360",
            "361, 6, UP, 720",
            "5400, 6, UP, 5400",
            "179, 6, NEAREST, 0",
            "180, 6, NEAREST, 360",
            "539, 6, NEAREST, 360",
            "359, 6, DOWN, 0",
            "3599, 15, DOWN, 2700",
            "86400, 6, UP, 86400",
            "86399, 1, UP, 86400" })
    void roundsToTheFirmIncrement(long seconds, int minutes, RoundingDirection direction, long expected) {
        assertThat(BillablePreview.seconds(seconds, minutes, direction)).isEqualTo(expected);
    }
}
