package io.github.aelab.anomaly.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanStdTest {

  @Test
  void populationStandardDeviation() {
    // Mean 2.5; squared deviations 2.25, 0.25, 0.25, 2.25 average to 1.25.
    MeanStd summary = MeanStd.of(1, 2, 3, 4);

    assertThat(summary.mean()).isEqualTo(2.5);
    assertThat(summary.std()).isCloseTo(Math.sqrt(1.25), within(1e-15));
    assertThat(summary.count()).isEqualTo(4);
    assertThat(summary.format(3)).isEqualTo("2.500 \u00b1 1.118");
    assertThat(MeanStd.of(0.9).std()).isZero();
  }

  @Test
  void validatesInputs() {
    assertThatThrownBy(MeanStd::of).hasMessage("the mean and std of no values are undefined");
    assertThatThrownBy(() -> MeanStd.of(1, Double.NaN)).hasMessage("values must not be NaN, found NaN at index 1");
  }
}
