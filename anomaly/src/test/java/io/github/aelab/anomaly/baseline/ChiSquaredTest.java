package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChiSquaredTest {

  @Test
  void quantilesMatchPublishedTables() {
    assertThat(ChiSquared.quantile(0.5, 1)).isCloseTo(0.454936, within(1e-6));
    assertThat(ChiSquared.quantile(0.5, 5)).isCloseTo(4.351460, within(1e-6));
    assertThat(ChiSquared.quantile(0.975, 2)).isCloseTo(7.377759, within(1e-6));
    assertThat(ChiSquared.quantile(0.975, 10)).isCloseTo(20.483177, within(1e-6));
    assertThat(ChiSquared.quantile(0.975, 100)).isCloseTo(129.561197, within(1e-5));
  }

  @Test
  void cdfOfTwoDegreesOfFreedomIsExponential() {
    // Chi-squared with 2 degrees of freedom is exponential with mean 2.
    for (double x : new double[] {0.1, 1, 3, 10, 40}) {
      assertThat(ChiSquared.cdf(x, 2)).isCloseTo(1 - Math.exp(-x / 2), within(1e-13));
    }
  }
}
