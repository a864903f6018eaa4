package io.github.aelab.clustering.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.core.data.Dataset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryCodesTest {

  @Test
  void thresholdsEachValueStrictlyAboveTheCut() {
    // Logistic code units thresholded at 0.5; 0.5 itself is not above the cut.
    float[] units = {
        0.9f, 0.1f, 0.5f, 0.7f,
        0.2f, 0.8f, 0.6f, 0.0f,
    };

    BinaryCodes codes = BinaryCodes.threshold(units, 2, 4, 0.5f);

    assertThat(codes.rows()).isEqualTo(2);
    assertThat(codes.bits()).isEqualTo(4);
    assertThat(codes.words()).containsExactly(0b1001L, 0b0110L); // bit j is 1 << j
    assertThat(codes.bit(0, 0)).isTrue();
    assertThat(codes.bit(0, 2)).isFalse();
    // 1001 vs 0110: every bit differs.
    assertThat(codes.distance(0, codes, 1)).isEqualTo(4);
    assertThat(codes.distance(1, codes, 1)).isZero();
  }

  @Test
  void codesRoundTripThroughFloatsAndWords() {
    // 100 bits: two words per row, the second only partly used.
    Random rng = new Random(1);
    float[] values = new float[7 * 100];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) rng.nextGaussian();
    }
    BinaryCodes codes = BinaryCodes.threshold(new Dataset("gaussian", values, 7, 100, null), 0f);

    assertThat(codes.wordsPerRow()).isEqualTo(2);
    assertThat(BinaryCodes.threshold(codes.toFloats(), 7, 100, 0.5f)).isEqualTo(codes);
    assertThat(BinaryCodes.fromWords(codes.words(), 7, 100)).isEqualTo(codes);
    for (int r = 0; r < 7; r++) {
      for (int j = 0; j < 100; j++) {
        assertThat(codes.bit(r, j)).isEqualTo(values[r * 100 + j] > 0);
      }
    }
  }

  @Test
  void hammingDistanceCountsDifferingBitsAcrossWords() {
    float[] a = new float[130];
    float[] b = new float[130];
    // Differ in bit 3 (word 0), bit 64 (word 1) and bit 129 (word 2).
    b[3] = 1;
    b[64] = 1;
    b[129] = 1;
    // Agree on bit 100.
    a[100] = 1;
    b[100] = 1;

    BinaryCodes left = BinaryCodes.threshold(a, 1, 130, 0.5f);
    BinaryCodes right = BinaryCodes.threshold(b, 1, 130, 0.5f);

    assertThat(left.distance(0, right, 0)).isEqualTo(3);
  }

  @Test
  void rejectsNaNBadShapesAndStrayHighBits() {
    assertThatThrownBy(() -> BinaryCodes.threshold(new float[] {0, Float.NaN}, 1, 2, 0.5f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN at row 0, column 1");
    assertThatThrownBy(() -> BinaryCodes.threshold(new float[3], 2, 2, 0.5f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows * cols = 2 * 2 = 4 entries, found 3");
    assertThatThrownBy(() -> BinaryCodes.fromWords(new long[] {0b10000}, 1, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 0 has bits set beyond bit 3");
    BinaryCodes four = BinaryCodes.threshold(new float[4], 1, 4, 0.5f);
    BinaryCodes five = BinaryCodes.threshold(new float[5], 1, 5, 0.5f);
    assertThatThrownBy(() -> four.distance(0, five, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same length");
  }
}
