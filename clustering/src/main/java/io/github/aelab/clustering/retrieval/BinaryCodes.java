package io.github.aelab.clustering.retrieval;

import io.github.aelab.core.data.Dataset;
import java.util.Arrays;
import java.util.Objects;

/**
 * One binary code of {@code bits} bits per row, packed 64 to a {@code long}: bit {@code j} of row
 * {@code r} is bit {@code j % 64} of word {@code r * wordsPerRow() + j / 64}. The unused high bits
 * of a row's last word are always 0, so the Hamming distance of two rows is the population count
 * of the XOR of their words, with no masking.
 *
 * <p>Packed codes are what make semantic hashing fast: a 64-bit code is one word, and comparing a
 * query with 69,000 database rows is 69,000 XORs and {@link Long#bitCount}s (one POPCNT each).
 * Immutable.
 *
 * <p>Java masks a {@code long} shift distance to its low 6 bits, so {@code 1L << j} below is the
 * mask of bit {@code j % 64} within its word.
 */
public final class BinaryCodes {

  private final int rows;
  private final int bits;
  private final int wordsPerRow;
  private final long[] words;

  private BinaryCodes(long[] words, int rows, int bits) {
    this.rows = rows;
    this.bits = bits;
    this.wordsPerRow = wordsFor(bits);
    this.words = words;
  }

  /**
   * Codes from a row-major {@code rows x cols} matrix: bit {@code j} of a row is 1 when its value
   * in column {@code j} is strictly above {@code cut}. The cut is 0.5 for logistic code units
   * (Salakhutdinov and Hinton's deterministic codes) and 0 for signs of projections.
   */
  public static BinaryCodes threshold(float[] values, int rows, int cols, float cut) {
    Objects.requireNonNull(values, "values");
    checkShape(rows, cols);
    if ((long) rows * cols != values.length) {
      throw new IllegalArgumentException("values must hold rows * cols = " + rows + " * " + cols + " = "
          + (long) rows * cols + " entries, found " + values.length);
    }
    if (Float.isNaN(cut)) {
      throw new IllegalArgumentException("cut must be a number, found NaN");
    }
    int wordsPerRow = wordsFor(cols);
    long[] words = new long[Math.multiplyExact(rows, wordsPerRow)];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        float value = values[r * cols + j];
        if (Float.isNaN(value)) {
          // NaN > cut is false: it would silently become a 0 bit.
          throw new IllegalArgumentException("values must be numbers, found NaN at row " + r + ", column " + j);
        }
        if (value > cut) {
          words[r * wordsPerRow + (j >>> 6)] |= 1L << j;
        }
      }
    }
    return new BinaryCodes(words, rows, cols);
  }

  /** Codes from a dataset's features, one bit per column; see {@link #threshold(float[], int, int, float)}. */
  public static BinaryCodes threshold(Dataset data, float cut) {
    return threshold(data.features(), data.rows(), data.cols(), cut);
  }

  /**
   * Codes from packed words in this class's layout (as returned by {@link #words()}); the unused
   * high bits of each row's last word must be 0. The array is copied.
   */
  public static BinaryCodes fromWords(long[] words, int rows, int bits) {
    Objects.requireNonNull(words, "words");
    checkShape(rows, bits);
    int wordsPerRow = wordsFor(bits);
    if ((long) rows * wordsPerRow != words.length) {
      throw new IllegalArgumentException("words must hold rows * ceil(bits / 64) = " + rows + " * " + wordsPerRow
          + " = " + (long) rows * wordsPerRow + " longs, found " + words.length);
    }
    int usedInLastWord = bits - 64 * (wordsPerRow - 1);
    long unusedMask = usedInLastWord == 64 ? 0 : -1L << usedInLastWord;
    for (int r = 0; r < rows; r++) {
      if ((words[(r + 1) * wordsPerRow - 1] & unusedMask) != 0) {
        throw new IllegalArgumentException("row " + r + " has bits set beyond bit " + (bits - 1)
            + "; the unused high bits of a row's last word must be 0");
      }
    }
    return new BinaryCodes(words.clone(), rows, bits);
  }

  public int rows() {
    return rows;
  }

  /** Code length. */
  public int bits() {
    return bits;
  }

  /** Number of {@code long}s per row, {@code ceil(bits / 64)}. */
  public int wordsPerRow() {
    return wordsPerRow;
  }

  /** Bit {@code bit} of {@code row}. */
  public boolean bit(int row, int bit) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(bit, bits);
    return (words[row * wordsPerRow + (bit >>> 6)] & (1L << bit)) != 0;
  }

  /** The Hamming distance between {@code row} of these codes and {@code otherRow} of {@code other}. */
  public int distance(int row, BinaryCodes other, int otherRow) {
    requireSameBits(other);
    Objects.checkIndex(row, rows);
    Objects.checkIndex(otherRow, other.rows);
    int distance = 0;
    for (int w = 0; w < wordsPerRow; w++) {
      distance += Long.bitCount(words[row * wordsPerRow + w] ^ other.words[otherRow * wordsPerRow + w]);
    }
    return distance;
  }

  /** Fails unless {@code other} has the same code length: distances across lengths mean nothing. */
  void requireSameBits(BinaryCodes other) {
    if (other.bits != bits) {
      throw new IllegalArgumentException("codes must have the same length to be compared, found " + bits
          + " and " + other.bits + " bits");
    }
  }

  /** The packed words of every row (a copy). */
  public long[] words() {
    return words.clone();
  }

  /** The shared packed words, for the ranking loops in this package; never modified. */
  long[] wordsView() {
    return words;
  }

  /** The codes as a row-major {@code rows x bits} matrix of 0s and 1s; thresholding it at 0.5 gives them back. */
  public float[] toFloats() {
    float[] values = new float[Math.multiplyExact(rows, bits)];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < bits; j++) {
        if ((words[r * wordsPerRow + (j >>> 6)] & (1L << j)) != 0) {
          values[r * bits + j] = 1;
        }
      }
    }
    return values;
  }

  private static int wordsFor(int bits) {
    return (bits + 63) >>> 6;
  }

  private static void checkShape(int rows, int bits) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, found " + rows);
    }
    if (bits < 1) {
      throw new IllegalArgumentException("codes must have at least 1 bit, found " + bits);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BinaryCodes that && rows == that.rows && bits == that.bits
        && Arrays.equals(words, that.words);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + bits) + Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return "BinaryCodes[rows=" + rows + ", bits=" + bits + "]";
  }
}
