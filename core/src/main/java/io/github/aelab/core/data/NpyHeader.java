package io.github.aelab.core.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dictionary at the start of a .npy file, e.g.
 * {@code {'descr': '<f8', 'fortran_order': True, 'shape': (1831, 21), }}.
 *
 * <p>NumPy writes this dictionary with {@code repr}, so three patterns read it reliably without a
 * Python literal parser; structured dtypes (whose descr is a list) fail the descr pattern and are
 * reported as unsupported.
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

  private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
  private static final Pattern STRUCTURED_DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*\\[");
  private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

  NpyHeader {
    shape = shape.clone();
  }

  /**
   * Parses the header text.
   *
   * @throws IllegalArgumentException naming the missing or malformed key
   */
  static NpyHeader parse(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      throw new IllegalArgumentException("malformed header: expected a Python dict literal {...}, found '"
          + abbreviate(trimmed) + "'");
    }
    if (STRUCTURED_DESCR.matcher(trimmed).find()) {
      throw new IllegalArgumentException("unsupported dtype: structured arrays (descr is a list) are not supported");
    }
    String descr = find(DESCR, trimmed, "descr");
    boolean fortran = find(FORTRAN, trimmed, "fortran_order").equals("True");
    String dims = find(SHAPE, trimmed, "shape").strip();
    if (dims.endsWith(",")) {
      dims = dims.substring(0, dims.length() - 1);
    }
    String[] parts = dims.isBlank() ? new String[0] : dims.split(",");
    int[] shape = new int[parts.length];
    for (int d = 0; d < parts.length; d++) {
      String part = parts[d].strip();
      if (part.endsWith("L")) {
        part = part.substring(0, part.length() - 1); // Python 2 wrote long sizes as 60000L
      }
      try {
        shape[d] = Integer.parseInt(part);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("malformed header: shape entry '" + parts[d].strip()
            + "' is not a non-negative int in '" + abbreviate(trimmed) + "'");
      }
      if (shape[d] < 0) {
        throw new IllegalArgumentException("malformed header: negative shape entry " + shape[d]);
      }
    }
    return new NpyHeader(descr, fortran, shape);
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  private static String find(Pattern pattern, String text, String key) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalArgumentException("malformed header: no valid '" + key + "' entry in '"
          + abbreviate(text) + "'");
    }
    return matcher.group(1);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
