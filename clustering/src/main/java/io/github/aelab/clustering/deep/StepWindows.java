package io.github.aelab.clustering.deep;

import java.util.SplittableRandom;

/**
 * The rows of DEC's "T steps between target refreshes": one order of all rows drawn once with the
 * seed, walked {@code windowRows} (T batches) at a time and wrapping around at the end, so every
 * row is visited equally often however T and the row count relate.
 */
final class StepWindows {
  private final int[] order;
  private final int windowRows;
  private int cursor;

  StepWindows(int rows, int windowRows, long seed) {
    this.order = new int[rows];
    this.windowRows = windowRows;
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** The rows of the next window, in walking order. */
  int[] next() {
    int[] rows = new int[windowRows];
    for (int k = 0; k < windowRows; k++) {
      rows[k] = order[(cursor + k) % order.length];
    }
    cursor = (cursor + windowRows) % order.length;
    return rows;
  }

  /** The {@code width} values of each of {@code rows}, copied in that order. */
  static float[] gather(float[] values, int width, int[] rows) {
    float[] out = new float[rows.length * width];
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(values, rows[k] * width, out, k * width, width);
    }
    return out;
  }
}
