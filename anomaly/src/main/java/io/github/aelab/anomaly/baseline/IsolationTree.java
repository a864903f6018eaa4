package io.github.aelab.anomaly.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One isolation tree, stored as parallel arrays indexed by node (node 0 is the root) rather than
 * as node objects: a forest of 100 trees over 256 samples has about 50000 nodes.
 */
final class IsolationTree implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Euler-Mascheroni constant, for the harmonic number {@code H(i) ~ ln i + gamma}. */
  private static final double EULER_GAMMA = 0.5772156649015329;

  /** Split column per node, or -1 for a leaf. */
  private final int[] column;
  private final double[] splitValue;
  private final int[] left;
  private final int[] right;
  /** For leaves: the path length adjustment {@code c(rows in the leaf)}. */
  private final double[] leafAdjustment;

  private IsolationTree(int[] column, double[] splitValue, int[] left, int[] right, double[] leafAdjustment) {
    this.column = column;
    this.splitValue = splitValue;
    this.left = left;
    this.right = right;
    this.leafAdjustment = leafAdjustment;
  }

  /** Grows a tree on {@code rows} of {@code x} up to depth {@code heightLimit}. */
  static IsolationTree grow(double[][] x, int[] rows, int heightLimit, SplittableRandom rng) {
    Builder builder = new Builder(2 * rows.length);
    builder.grow(x, rows, 0, rows.length, 0, heightLimit, rng);
    return builder.build();
  }

  /** The number of edges from the root to {@code row}'s leaf, plus the leaf's {@code c(size)}. */
  double pathLength(double[] row) {
    int node = 0;
    int depth = 0;
    while (column[node] >= 0) {
      node = row[column[node]] < splitValue[node] ? left[node] : right[node];
      depth++;
    }
    return depth + leafAdjustment[node];
  }

  /**
   * {@code c(m)}: the mean path length of an unsuccessful search in a binary search tree of
   * {@code m} keys, {@code 2 H(m - 1) - 2 (m - 1) / m}; 0 for {@code m <= 1} and exactly 1 for
   * {@code m = 2} (where the harmonic approximation is poor).
   */
  static double averagePathLength(int m) {
    if (m <= 1) {
      return 0;
    }
    if (m == 2) {
      return 1;
    }
    return 2 * (Math.log(m - 1) + EULER_GAMMA) - 2.0 * (m - 1) / m;
  }

  private static final class Builder {
    private int[] column;
    private double[] splitValue;
    private int[] left;
    private int[] right;
    private double[] leafAdjustment;
    private int size;

    Builder(int capacity) {
      column = new int[capacity];
      splitValue = new double[capacity];
      left = new int[capacity];
      right = new int[capacity];
      leafAdjustment = new double[capacity];
    }

    /** Grows the subtree over {@code rows[from, to)} (reordered in place) and returns its node index. */
    int grow(double[][] x, int[] rows, int from, int to, int depth, int heightLimit, SplittableRandom rng) {
      int node = size++;
      ensureCapacity();
      int count = to - from;
      int split = depth < heightLimit && count > 1 ? chooseColumn(x, rows, from, to, rng) : -1;
      if (split < 0) {
        column[node] = -1;
        leafAdjustment[node] = averagePathLength(count);
        return node;
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        min = Math.min(min, x[rows[i]][split]);
        max = Math.max(max, x[rows[i]][split]);
      }
      double value = min + rng.nextDouble() * (max - min);
      if (value == min) {
        // nextDouble() can return 0; a split at the minimum would leave the left side empty.
        value = Math.nextUp(min);
      }
      int middle = partition(x, rows, from, to, split, value);
      column[node] = split;
      splitValue[node] = value;
      int leftChild = grow(x, rows, from, middle, depth + 1, heightLimit, rng);
      int rightChild = grow(x, rows, middle, to, depth + 1, heightLimit, rng);
      left[node] = leftChild;
      right[node] = rightChild;
      return node;
    }

    /**
     * A uniformly random column among those not constant on {@code rows[from, to)}, or -1 if all
     * are constant (the rows are identical and cannot be isolated further).
     */
    private static int chooseColumn(double[][] x, int[] rows, int from, int to, SplittableRandom rng) {
      int d = x[0].length;
      int[] varying = new int[d];
      int count = 0;
      for (int c = 0; c < d; c++) {
        double first = x[rows[from]][c];
        for (int i = from + 1; i < to; i++) {
          if (x[rows[i]][c] != first) {
            varying[count++] = c;
            break;
          }
        }
      }
      return count == 0 ? -1 : varying[rng.nextInt(count)];
    }

    /** Moves the rows with {@code x[row][col] < value} to the front and returns where the rest start. */
    private static int partition(double[][] x, int[] rows, int from, int to, int col, double value) {
      int middle = from;
      for (int i = from; i < to; i++) {
        if (x[rows[i]][col] < value) {
          int swap = rows[i];
          rows[i] = rows[middle];
          rows[middle] = swap;
          middle++;
        }
      }
      return middle;
    }

    private void ensureCapacity() {
      if (size <= column.length) {
        return;
      }
      int capacity = 2 * column.length;
      column = Arrays.copyOf(column, capacity);
      splitValue = Arrays.copyOf(splitValue, capacity);
      left = Arrays.copyOf(left, capacity);
      right = Arrays.copyOf(right, capacity);
      leafAdjustment = Arrays.copyOf(leafAdjustment, capacity);
    }

    IsolationTree build() {
      return new IsolationTree(Arrays.copyOf(column, size), Arrays.copyOf(splitValue, size), Arrays.copyOf(left, size),
          Arrays.copyOf(right, size), Arrays.copyOf(leafAdjustment, size));
    }
  }
}
