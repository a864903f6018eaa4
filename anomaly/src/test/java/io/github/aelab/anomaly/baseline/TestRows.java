package io.github.aelab.anomaly.baseline;

import io.github.aelab.core.data.Dataset;

/** Small hand-made datasets for the baseline tests. */
final class TestRows {

  private TestRows() {
  }

  /** An unlabelled dataset holding {@code rows}. */
  static Dataset of(double[]... rows) {
    int cols = rows[0].length;
    float[] features = new float[rows.length * cols];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < cols; c++) {
        features[r * cols + c] = (float) rows[r][c];
      }
    }
    return new Dataset("rows", features, rows.length, cols, null);
  }

  /** One column holding {@code values}. */
  static Dataset column(double... values) {
    double[][] rows = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new double[] {values[i]};
    }
    return of(rows);
  }
}
