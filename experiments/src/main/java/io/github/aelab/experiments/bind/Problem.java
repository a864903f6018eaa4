package io.github.aelab.experiments.bind;

import io.github.aelab.experiments.yaml.Location;

/**
 * One thing wrong with an experiment: where (file, line, column, key path), what was found and
 * what is allowed, and a suggestion when one is close.
 */
public record Problem(Location location, String path, String message, String suggestion, String allowed) {

  public Problem(Location location, String path, String message, String suggestion) {
    this(location, path, message, suggestion, null);
  }

  /** {@code model.encoder[1].unts (line 12, col 5): unknown key 'unts' for block 'dense'. Did you mean 'units'?} */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append(path == null || path.isEmpty() ? "(file)" : path);
    if (location.known()) {
      b.append(" (").append(location).append(')');
    }
    b.append(": ").append(message);
    if (suggestion != null) {
      b.append(" Did you mean '").append(suggestion).append("'?");
    }
    if (allowed != null) {
      b.append(' ').append(allowed);
    }
    return b.toString();
  }
}
