package io.github.aelab.anomaly.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionTest {

  @Test
  void countsAndDerivedScores() {
    Confusion confusion = Confusion.of(new boolean[] {true, true, false, false, true}, new int[] {1, 0, 1, 0, 0});

    assertThat(confusion).isEqualTo(new Confusion(1, 2, 1, 1));
    assertThat(confusion.precision()).isCloseTo(1 / 3.0, within(1e-15));
    assertThat(confusion.recall()).isEqualTo(0.5);
    // 2 P R / (P + R) = (1/3) / (5/6) = 0.4.
    assertThat(confusion.f1()).isCloseTo(0.4, within(1e-15));
  }

  @Test
  void flaggingNothingScoresZero() {
    Confusion confusion = Confusion.of(new boolean[] {false, false}, new int[] {1, 0});

    assertThat(confusion.precision()).isZero();
    assertThat(confusion.recall()).isZero();
    assertThat(confusion.f1()).isZero();
  }

  @Test
  void validatesInputs() {
    assertThatThrownBy(() -> Confusion.of(new boolean[] {true}, new boolean[] {true, false}))
        .hasMessage("flags and labels must have the same length, found 1 flags and 2 labels");
    assertThatThrownBy(() -> new Confusion(-1, 0, 0, 0))
        .hasMessage("confusion counts must be >= 0, found tp = -1, fp = 0, tn = 0, fn = 0");
  }
}
