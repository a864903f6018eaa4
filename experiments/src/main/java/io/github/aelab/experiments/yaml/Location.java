package io.github.aelab.experiments.yaml;

/** Where something is in an experiment file; line and column count from 1. */
public record Location(String file, int line, int column) {
  public static Location unknown(String file) {
    return new Location(file, 0, 0);
  }

  public boolean known() {
    return line > 0;
  }

  @Override
  public String toString() {
    return known() ? "line " + line + ", col " + column : "no position";
  }
}
