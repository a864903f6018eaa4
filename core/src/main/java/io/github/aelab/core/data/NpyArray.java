package io.github.aelab.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array read from a NumPy .npy file, always in C (row-major) order.
 *
 * <p>Floating-point dtypes are held in {@code floats} (float64 is narrowed to float32, the
 * precision the models train in); integer and boolean dtypes are held exactly in {@code longs}.
 * Exactly one of the two is non-{@code null}. The data arrays are not copied: treat them as
 * read-only.
 *
 * @param dtype  the NumPy type descriptor as stored, e.g. {@code "<f8"} or {@code "|u1"}
 * @param shape  the extents, e.g. {@code {1831, 21}}; empty for a scalar
 * @param floats the values of a float dtype, else {@code null}
 * @param longs  the values of an integer or boolean dtype, else {@code null}
 */
public record NpyArray(String dtype, int[] shape, float[] floats, long[] longs) {

  public NpyArray {
    Objects.requireNonNull(dtype, "dtype");
    shape = Objects.requireNonNull(shape, "shape").clone();
    if ((floats == null) == (longs == null)) {
      throw new IllegalArgumentException("exactly one of floats and longs must be non-null");
    }
    long size = 1;
    for (int extent : shape) {
      if (extent < 0) {
        throw new IllegalArgumentException("shape extents must be >= 0, found " + Arrays.toString(shape));
      }
      size *= extent;
    }
    int length = floats != null ? floats.length : longs.length;
    if (size != length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
          + " values, found " + length);
    }
  }

  /** A copy of the extents. */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  public int ndim() {
    return shape.length;
  }

  /** Number of elements. */
  public int size() {
    return floats != null ? floats.length : longs.length;
  }

  /** Whether the values are integers (an integer or boolean dtype). */
  public boolean isInteger() {
    return longs != null;
  }

  /** The values as floats: the array itself for float dtypes, a converted copy for integer ones. */
  public float[] toFloats() {
    if (floats != null) {
      return floats;
    }
    float[] converted = new float[longs.length];
    for (int i = 0; i < longs.length; i++) {
      converted[i] = longs[i];
    }
    return converted;
  }

  /** Element {@code index} (in C order) as a double; exact for integers up to 2^53. */
  public double getDouble(int index) {
    return floats != null ? floats[index] : longs[index];
  }

  /** Shape as NumPy prints it, e.g. {@code (1831, 21)} or {@code (7,)}. */
  public String shapeString() {
    return formatShape(shape);
  }

  static String formatShape(int[] shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    StringBuilder text = new StringBuilder("(");
    for (int d = 0; d < shape.length; d++) {
      text.append(d == 0 ? "" : ", ").append(shape[d]);
    }
    return text.append(')').toString();
  }

  /** Content equality: the record default would compare the arrays by identity. */
  @Override
  public boolean equals(Object other) {
    return other instanceof NpyArray that
        && dtype.equals(that.dtype)
        && Arrays.equals(shape, that.shape)
        && Arrays.equals(floats, that.floats)
        && Arrays.equals(longs, that.longs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(floats), Arrays.hashCode(longs));
  }

  @Override
  public String toString() {
    return "NpyArray[dtype=" + dtype + ", shape=" + shapeString() + "]";
  }
}
