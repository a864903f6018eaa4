package io.github.aelab.core.data;

import java.nio.file.Path;

/** Checks shared by the loaders that turn stored arrays into {@link Dataset} features and labels. */
final class ValueChecks {

  private ValueChecks() {
  }

  /**
   * Rejects NaN and infinities (including doubles too large for a float): one would silently
   * turn every loss and every scaler fitted on the data into NaN.
   */
  static void requireFinite(Path file, String variable, float[] values, int cols) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new DataLoadException(file, variable + " has a non-finite value (" + values[i] + ") at row "
            + i / cols + ", column " + i % cols + "; expected finite numbers");
      }
    }
  }

  /** A label stored as a floating-point number, which must be integral and fit an int. */
  static int label(Path file, String variable, double value, int index) {
    if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new DataLoadException(file, variable + "[" + index + "] = " + value
          + " is not an integer label; expected integer class labels");
    }
    return (int) value;
  }

  /** A label stored as an integer, which must fit an int. */
  static int label(Path file, String variable, long value, int index) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new DataLoadException(file, variable + "[" + index + "] = " + value
          + " does not fit a 32-bit integer label");
    }
    return (int) value;
  }
}
