package io.github.aelab.experiments.bind;

import io.github.aelab.experiments.yaml.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem of a file, so that the user sees all of them at once, then stops. */
public final class Problems {
  private final List<Problem> problems = new ArrayList<>();

  public void add(Location location, String path, String message, String suggestion) {
    problems.add(new Problem(location, path, message, suggestion, null));
  }

  /** With what is allowed spelled out, e.g. "Known: dense, conv2d." */
  public void add(Location location, String path, String message, String suggestion, String allowed) {
    problems.add(new Problem(location, path, message, suggestion, allowed));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public int size() {
    return problems.size();
  }

  public List<Problem> all() {
    return Collections.unmodifiableList(problems);
  }

  /** Throws {@link InvalidSpecException} when anything was collected. */
  public void throwIfAny(String file) {
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(file, problems);
    }
  }
}
