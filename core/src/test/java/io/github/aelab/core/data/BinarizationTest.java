package io.github.aelab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinarizationTest {
  @Test
  void eachBitIsOneWithTheValueAsProbability() {
    int rows = 20_000;
    float[] grey = new float[rows * 3];
    for (int i = 0; i < rows; i++) {
      grey[i * 3] = 0f;
      grey[i * 3 + 1] = 0.3f;
      grey[i * 3 + 2] = 1f;
    }
    Dataset bits = Binarization.sample(new Dataset("grey", grey, rows, 3, null), 5);

    assertThat(bits.name()).isEqualTo("grey-binarized");
    assertThat(bits.features()).containsOnly(0f, 1f);
    double[] means = bits.columnMeans();
    assertThat(means[0]).isZero(); // p = 0 never fires
    assertThat(means[1]).isCloseTo(0.3, within(0.01)); // binomial std at n = 20,000: 0.0032
    assertThat(means[2]).isEqualTo(1.0); // p = 1 always does
  }

  @Test
  void theSameSeedDrawsTheSameBitsAndAnotherSeedOthers() {
    float[] grey = new float[1000];
    java.util.Arrays.fill(grey, 0.5f);
    Dataset data = new Dataset("grey", grey, 100, 10, null);

    assertThat(Binarization.sample(data, 1).features()).isEqualTo(Binarization.sample(data, 1).features());
    assertThat(Binarization.sample(data, 1).features()).isNotEqualTo(Binarization.sample(data, 2).features());
  }

  @Test
  void refusesValuesOutsideTheUnitIntervalInsteadOfClamping() {
    Dataset data = new Dataset("scores", new float[] {0.2f, 1.5f}, 1, 2, null);

    assertThatThrownBy(() -> Binarization.sample(data, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scores").hasMessageContaining("[0, 1]").hasMessageContaining("1.5");
  }
}
