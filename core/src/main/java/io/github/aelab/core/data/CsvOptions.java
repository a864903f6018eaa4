package io.github.aelab.core.data;

/**
 * How to read a CSV file.
 *
 * @param header      whether the first non-blank line holds column names
 * @param labelColumn the column holding integer labels, or {@code null} for none: a header name
 *                    when {@code header} is true, else a 0-based column index such as {@code "4"}
 * @param delimiter   the cell separator, e.g. {@code ','}, {@code ';'} or {@code '\t'}
 */
public record CsvOptions(boolean header, String labelColumn, char delimiter) {

  public CsvOptions {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter must not be a quote or line break, found "
          + (int) delimiter);
    }
    if (labelColumn != null) {
      if (labelColumn.isBlank()) {
        throw new IllegalArgumentException("labelColumn must be null or non-blank, found '" + labelColumn + "'");
      }
      if (!header && !labelColumn.matches("\\d{1,9}")) {
        throw new IllegalArgumentException("labelColumn must be a 0-based column index when there is no"
            + " header, found '" + labelColumn + "'");
      }
    }
  }

  /** Comma-separated with a header line and no label column. */
  public static CsvOptions unlabelled() {
    return new CsvOptions(true, null, ',');
  }

  /** Comma-separated with a header line; labels come from the column named {@code labelColumn}. */
  public static CsvOptions labelled(String labelColumn) {
    return new CsvOptions(true, labelColumn, ',');
  }
}
