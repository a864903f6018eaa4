package io.github.aelab.core.data;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An in-memory table of float features, optionally with one integer label per row.
 *
 * <p>Features are stored row-major in one flat array ({@code features[row * cols + col]}), the
 * layout TensorFlow tensors and EJML matrices expect, so batches can be copied without
 * reshaping. The arrays are shared, not copied, when a dataset is built: a 60000 x 784 MNIST
 * copy costs 188 MB, so callers own the promise not to modify them afterwards. Every method that
 * derives a new dataset ({@link #subset}, {@link #head}) copies.
 *
 * @param name       a human-readable name used in logs and run records, e.g. {@code "mnist-train"}
 * @param features   row-major values, length {@code rows * cols}
 * @param rows       number of examples, {@code >= 0}
 * @param cols       number of features per example, {@code >= 1}
 * @param labels     one label per row, or {@code null} for unlabelled data
 * @param imageShape {@code {height, width, channels}} with product {@code cols} when the rows are
 *                   images, else {@code null}
 */
public record Dataset(String name, float[] features, int rows, int cols, int[] labels, int[] imageShape) {

  public Dataset {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    Objects.requireNonNull(features, "features");
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, found " + rows);
    }
    if (cols < 1) {
      throw new IllegalArgumentException("cols must be >= 1, found " + cols);
    }
    if ((long) rows * cols != features.length) {
      throw new IllegalArgumentException("features must have rows * cols = " + rows + " * " + cols
          + " = " + (long) rows * cols + " values, found " + features.length);
    }
    if (labels != null && labels.length != rows) {
      throw new IllegalArgumentException("labels must have one entry per row (" + rows + "), found " + labels.length);
    }
    if (imageShape != null) {
      imageShape = imageShape.clone();
      if (imageShape.length != 3) {
        throw new IllegalArgumentException("imageShape must be {height, width, channels}, found "
            + Arrays.toString(imageShape));
      }
      long product = 1;
      for (int extent : imageShape) {
        if (extent < 1) {
          throw new IllegalArgumentException("imageShape extents must be >= 1, found " + Arrays.toString(imageShape));
        }
        product *= extent;
      }
      if (product != cols) {
        throw new IllegalArgumentException("imageShape " + Arrays.toString(imageShape)
            + " must multiply to cols = " + cols + ", found " + product);
      }
    }
  }

  /** A dataset without image shape; {@code labels} may be {@code null}. */
  public Dataset(String name, float[] features, int rows, int cols, int[] labels) {
    this(name, features, rows, cols, labels, null);
  }

  /** A copy of the image shape, or {@code null}; copied because int arrays are mutable. */
  @Override
  public int[] imageShape() {
    return imageShape == null ? null : imageShape.clone();
  }

  public boolean hasLabels() {
    return labels != null;
  }

  /** The value at ({@code row}, {@code col}). */
  public float get(int row, int col) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(col, cols);
    return features[row * cols + col];
  }

  /** The label of {@code row}; fails on unlabelled data. */
  public int label(int row) {
    requireLabels("label(row)");
    return labels[Objects.checkIndex(row, rows)];
  }

  /** Copies the {@code cols} values of {@code row} into {@code dst} starting at {@code dstOffset}. */
  public void copyRow(int row, float[] dst, int dstOffset) {
    Objects.checkIndex(row, rows);
    System.arraycopy(features, row * cols, dst, dstOffset, cols);
  }

  /**
   * A copy holding the given rows in the given order (repeats allowed), named {@code name + suffix}.
   */
  public Dataset subset(int[] rowIndices, String suffix) {
    float[] picked = new float[Math.multiplyExact(rowIndices.length, cols)];
    int[] pickedLabels = labels == null ? null : new int[rowIndices.length];
    for (int i = 0; i < rowIndices.length; i++) {
      int row = rowIndices[i];
      if (row < 0 || row >= rows) {
        throw new IndexOutOfBoundsException("row index " + row + " at position " + i
            + " is outside 0.." + (rows - 1) + " of dataset '" + name + "'");
      }
      System.arraycopy(features, row * cols, picked, i * cols, cols);
      if (pickedLabels != null) {
        pickedLabels[i] = labels[row];
      }
    }
    return new Dataset(name + suffix, picked, rowIndices.length, cols, pickedLabels, imageShape);
  }

  /** The same rows, labels and shape with other feature values (e.g. after scaling). */
  public Dataset withFeatures(float[] newFeatures) {
    return new Dataset(name, newFeatures, rows, cols, labels, imageShape);
  }

  /** The mean of each column, accumulated in double (PCA's centre, a centroid, LSH's offset). */
  public double[] columnMeans() {
    double[] mean = new double[cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        mean[c] += features[r * cols + c];
      }
    }
    for (int c = 0; c < cols; c++) {
      mean[c] /= rows;
    }
    return mean;
  }

  /**
   * The rows of {@code first} followed by those of {@code second}, named {@code name}: a published
   * train/test pair clustered or searched as one set (USPS, MNIST's 70,000). Both must have the
   * same columns, and labels on both or on neither; the image shape is kept when both agree.
   */
  public static Dataset concat(Dataset first, Dataset second, String name) {
    if (first.cols != second.cols) {
      throw new IllegalArgumentException("cannot append '" + second.name + "' (" + second.cols + " columns) to '"
          + first.name + "' (" + first.cols + " columns)");
    }
    if (first.hasLabels() != second.hasLabels()) {
      throw new IllegalArgumentException("cannot append '" + second.name + "' to '" + first.name
          + "': only one of them has labels");
    }
    float[] features = Arrays.copyOf(first.features, first.features.length + second.features.length);
    System.arraycopy(second.features, 0, features, first.features.length, second.features.length);
    int[] labels = null;
    if (first.hasLabels()) {
      labels = Arrays.copyOf(first.labels, first.rows + second.rows);
      System.arraycopy(second.labels, 0, labels, first.rows, second.rows);
    }
    int[] shape = Arrays.equals(first.imageShape, second.imageShape) ? first.imageShape : null;
    return new Dataset(name, features, first.rows + second.rows, first.cols, labels, shape);
  }

  /** A copy of the first {@code n} rows, named {@code name + "-head" + n}. */
  public Dataset head(int n) {
    if (n < 0 || n > rows) {
      throw new IllegalArgumentException("n must be in 0.." + rows + ", found " + n);
    }
    int[] first = new int[n];
    Arrays.setAll(first, i -> i);
    return subset(first, "-head" + n);
  }

  /** Number of rows per label, in ascending label order. */
  public Map<Integer, Integer> labelCounts() {
    requireLabels("labelCounts()");
    Map<Integer, Integer> counts = new TreeMap<>();
    for (int label : labels) {
      counts.merge(label, 1, Integer::sum);
    }
    return counts;
  }

  private void requireLabels(String operation) {
    if (labels == null) {
      throw new IllegalStateException(operation + " needs labels, but dataset '" + name + "' has none");
    }
  }

  /** Content equality: the record default would compare the arrays by identity. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Dataset that
        && name.equals(that.name)
        && rows == that.rows
        && cols == that.cols
        && Arrays.equals(features, that.features)
        && Arrays.equals(labels, that.labels)
        && Arrays.equals(imageShape, that.imageShape);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, rows, cols, Arrays.hashCode(features), Arrays.hashCode(labels),
        Arrays.hashCode(imageShape));
  }

  /** A summary; printing the values of a large dataset would flood logs. */
  @Override
  public String toString() {
    return "Dataset[name=" + name + ", rows=" + rows + ", cols=" + cols
        + ", labels=" + (labels != null)
        + (imageShape == null ? "" : ", imageShape=" + Arrays.toString(imageShape)) + "]";
  }
}
