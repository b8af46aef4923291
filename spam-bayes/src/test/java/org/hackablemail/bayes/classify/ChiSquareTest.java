package org.hackablemail.bayes.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChiSquareTest {
    @Test
    void shouldEqualExponentialWhenTwoDegreesOfFreedom() {
        assertThat(ChiSquare.upperTail(2, 2)).isCloseTo(Math.exp(-1), within(1e-12));
    }

    @Test
    void shouldBeOneWhenValueIsZero() {
        assertThat(ChiSquare.upperTail(0, 10)).isEqualTo(1);
    }

    @Test
    void shouldMatchTableWhenFourDegreesOfFreedom() {
        // Standard chi-square table: P(X > 9.488) = 0.05 for 4 degrees of freedom.
        assertThat(ChiSquare.upperTail(9.488, 4)).isCloseTo(0.05, within(1e-4));
    }

    @Test
    void shouldNotUnderflowWhenValueAndDegreesAreLarge() {
        // Mean of the distribution is its degrees of freedom, so about half the mass lies above it.
        assertThat(ChiSquare.upperTail(3000, 3000)).isBetween(0.45, 0.55);
    }
}
