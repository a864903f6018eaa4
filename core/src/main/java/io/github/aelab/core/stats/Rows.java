package io.github.aelab.core.stats;

import io.github.aelab.core.data.Dataset;

/**
 * Conversions and checks for the {@code double[][]} row matrices (one array per row) that the
 * classic estimators work on. Datasets store floats; estimators accumulate sums of squares and
 * log-likelihoods, which need doubles to stay accurate over tens of thousands of rows.
 */
public final class Rows {

  private Rows() {
  }

  /** The features of {@code data} as one double array per row (a copy). */
  public static double[][] of(Dataset data) {
    return of(data.features(), data.cols());
  }

  /** A row-major float matrix of width {@code cols} (a graph's output, say) as one double array per row. */
  public static double[][] of(float[] flat, int cols) {
    if (cols < 1 || flat.length % cols != 0) {
      throw new IllegalArgumentException("a row-major matrix of width " + cols + " cannot hold " + flat.length
          + " values");
    }
    double[][] rows = new double[flat.length / cols][cols];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < cols; c++) {
        rows[r][c] = flat[r * cols + c];
      }
    }
    return rows;
  }

  /**
   * Checks that {@code x} has at least {@code minRows} rows, all of the same non-zero length and
   * holding finite values, and returns that length. {@code what} names the argument in messages.
   */
  public static int requireMatrix(double[][] x, int minRows, String what) {
    if (x == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    if (x.length < minRows) {
      throw new IllegalArgumentException(what + " must have at least " + minRows + " rows, found " + x.length);
    }
    if (x.length == 0) {
      return 0;
    }
    int cols = x[0].length;
    if (cols == 0) {
      throw new IllegalArgumentException(what + " must have at least one column, found 0");
    }
    for (int r = 0; r < x.length; r++) {
      if (x[r].length != cols) {
        throw new IllegalArgumentException(what + " must be rectangular: row 0 has " + cols + " values, row " + r
            + " has " + x[r].length);
      }
      for (int c = 0; c < cols; c++) {
        if (!Double.isFinite(x[r][c])) {
          throw new IllegalArgumentException(what + " must hold finite values, found " + x[r][c] + " at row " + r
              + ", column " + c);
        }
      }
    }
    return cols;
  }

  /** Checks that every row of {@code x} has {@code cols} values, the dimension a model was fitted on. */
  public static void requireColumns(double[][] x, int cols, String what) {
    for (int r = 0; r < x.length; r++) {
      if (x[r].length != cols) {
        throw new IllegalArgumentException(what + " was fitted on " + cols + " columns, but row " + r + " has "
            + x[r].length);
      }
    }
  }

  /** {@code values} widened to doubles, in the same (row-major) order. */
  public static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /** Squared Euclidean distance between two rows of equal length. */
  public static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int c = 0; c < a.length; c++) {
      double d = a[c] - b[c];
      sum += d * d;
    }
    return sum;
  }

  /** A deep copy. */
  public static double[][] copy(double[][] x) {
    double[][] copy = new double[x.length][];
    for (int r = 0; r < x.length; r++) {
      copy[r] = x[r].clone();
    }
    return copy;
  }
}
