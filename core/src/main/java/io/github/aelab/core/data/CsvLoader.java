package io.github.aelab.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Loads a numeric CSV file (UTF-8, plain or gzip-compressed) into a {@link Dataset}.
 *
 * <p>Every cell except the label column must be a finite decimal number; labels must be integers
 * (an integral decimal such as {@code 1.0}, as pandas writes them, is accepted). Blank lines are
 * skipped. Errors give the 1-based line and column, and the column name when there is a header.
 */
public final class CsvLoader {

  /** Decimal numbers only: Java's parser would also take "NaN", "Infinity", "0x1p3" and "1f". */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private CsvLoader() {
  }

  public static Dataset load(Path file, CsvOptions options, String name) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(DataFiles.open(file),
        StandardCharsets.UTF_8))) {
      return new Parse(file, options).run(reader, name);
    } catch (IOException | UncheckedIOException e) {
      throw new DataLoadException(file, "read failed (corrupt or truncated gzip data?): " + e.getMessage(), e);
    }
  }

  /** The state of one parse: the column layout, fixed by the first line, and the growing arrays. */
  private static final class Parse {
    private final Path file;
    private final CsvOptions options;
    private List<String> names;
    private int width = -1;
    private int labelIndex = -1;
    private int firstLine;
    private float[] features = new float[1024];
    private int[] labels = new int[64];
    private int rows;

    Parse(Path file, CsvOptions options) {
      this.file = file;
      this.options = options;
    }

    Dataset run(BufferedReader reader, String name) throws IOException {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // spreadsheet exports often start with a byte-order mark
        }
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = split(line, lineNumber);
        if (width < 0) {
          startLayout(cells, lineNumber);
          if (options.header()) {
            continue;
          }
        } else if (cells.size() != width) {
          throw new DataLoadException(file, "line " + lineNumber + " has " + cells.size() + " cells, expected "
              + width + " like line " + firstLine + "; rows must not be ragged");
        }
        addRow(cells, lineNumber);
      }
      if (rows == 0) {
        throw new DataLoadException(file, "no data rows" + (options.header() ? " after the header" : ""));
      }
      int cols = width - (labelIndex >= 0 ? 1 : 0);
      return new Dataset(name, Arrays.copyOf(features, rows * cols), rows, cols,
          labelIndex >= 0 ? Arrays.copyOf(labels, rows) : null);
    }

    private List<String> split(String line, int lineNumber) {
      try {
        return CsvLines.split(line, options.delimiter());
      } catch (IllegalArgumentException e) {
        throw new DataLoadException(file, "line " + lineNumber + ": " + e.getMessage());
      }
    }

    private void startLayout(List<String> cells, int lineNumber) {
      width = cells.size();
      firstLine = lineNumber;
      names = options.header() ? cells : null;
      String wanted = options.labelColumn();
      if (wanted != null) {
        labelIndex = options.header() ? cells.indexOf(wanted) : Integer.parseInt(wanted);
        if (labelIndex < 0) {
          throw new DataLoadException(file, "label column '" + wanted + "' is not in the header " + cells);
        }
        if (options.header() && cells.lastIndexOf(wanted) != labelIndex) {
          throw new DataLoadException(file, "label column '" + wanted + "' appears more than once in the header");
        }
        if (labelIndex >= width) {
          throw new DataLoadException(file, "label column index " + labelIndex + " is out of range: line "
              + lineNumber + " has " + width + " columns (indices 0.." + (width - 1) + ")");
        }
      }
      if (width - (labelIndex >= 0 ? 1 : 0) < 1) {
        throw new DataLoadException(file, "no feature columns: line " + lineNumber + " has only the label column");
      }
    }

    private void addRow(List<String> cells, int lineNumber) {
      int cols = width - (labelIndex >= 0 ? 1 : 0);
      if ((long) (rows + 1) * cols > Integer.MAX_VALUE - 8) {
        throw new DataLoadException(file, "too large: more than " + (Integer.MAX_VALUE - 8) + " values by line "
            + lineNumber);
      }
      if ((rows + 1) * cols > features.length) {
        features = Arrays.copyOf(features, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * features.length + cols));
      }
      if (rows == labels.length) {
        labels = Arrays.copyOf(labels, 2 * labels.length);
      }
      int out = rows * cols;
      for (int c = 0; c < width; c++) {
        String cell = cells.get(c).strip(); // quoted cells keep their padding
        if (c == labelIndex) {
          labels[rows] = parseLabel(cell, lineNumber, c);
        } else {
          features[out++] = parseValue(cell, lineNumber, c);
        }
      }
      rows++;
    }

    private float parseValue(String cell, int lineNumber, int column) {
      if (!DECIMAL.matcher(cell).matches()) {
        throw cellError(lineNumber, column, cell.isEmpty() ? "empty cell, expected a number"
            : "'" + cell + "' is not a number");
      }
      float value = Float.parseFloat(cell);
      if (Float.isInfinite(value)) {
        throw cellError(lineNumber, column, "'" + cell + "' is out of float range");
      }
      return value;
    }

    private int parseLabel(String cell, int lineNumber, int column) {
      if (!DECIMAL.matcher(cell).matches()) {
        throw cellError(lineNumber, column, cell.isEmpty() ? "empty label cell, expected an integer"
            : "label '" + cell + "' is not an integer");
      }
      double value = Double.parseDouble(cell);
      if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw cellError(lineNumber, column, "label '" + cell + "' is not an integer");
      }
      return (int) value;
    }

    private DataLoadException cellError(int lineNumber, int column, String problem) {
      String where = "line " + lineNumber + ", column " + (column + 1)
          + (names != null ? " ('" + names.get(column) + "')" : "");
      return new DataLoadException(file, where + ": " + problem);
    }
  }
}
