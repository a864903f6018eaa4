package io.github.aelab.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into trimmed cells. Cells may be double-quoted (RFC 4180), so a quoted cell
 * can hold the delimiter and {@code ""} stands for one quote; quoted line breaks are not supported
 * because numeric data never needs them.
 */
final class CsvLines {

  private CsvLines() {
  }

  /**
   * The cells of {@code line}.
   *
   * @throws IllegalArgumentException with the 1-based character position when a quote is unbalanced
   */
  static List<String> split(String line, char delimiter) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    while (true) {
      while (i < line.length() && Character.isWhitespace(line.charAt(i)) && line.charAt(i) != delimiter) {
        i++;
      }
      if (i < line.length() && line.charAt(i) == '"') {
        i = readQuoted(line, i, cell);
        while (i < line.length() && line.charAt(i) != delimiter) {
          if (!Character.isWhitespace(line.charAt(i))) {
            throw new IllegalArgumentException("unexpected '" + line.charAt(i) + "' after the closing quote"
                + " at character " + (i + 1));
          }
          i++;
        }
        cells.add(cell.toString());
      } else {
        int end = line.indexOf(delimiter, i);
        cells.add(line.substring(i, end < 0 ? line.length() : end).strip());
        i = end < 0 ? line.length() : end;
      }
      cell.setLength(0);
      if (i >= line.length()) {
        return cells;
      }
      i++; // past the delimiter; a trailing delimiter yields a final empty cell, as in RFC 4180
      if (i == line.length()) {
        cells.add("");
        return cells;
      }
    }
  }

  /** Appends the unquoted content of the cell opening at {@code start}; returns the index after the closing quote. */
  private static int readQuoted(String line, int start, StringBuilder cell) {
    int i = start + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i += 2;
          continue;
        }
        return i + 1;
      }
      cell.append(c);
      i++;
    }
    throw new IllegalArgumentException("unterminated quote opened at character " + (start + 1));
  }
}
