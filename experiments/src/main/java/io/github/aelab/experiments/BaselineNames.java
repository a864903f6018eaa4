package io.github.aelab.experiments;

import static io.github.aelab.experiments.TreeLookup.itemAt;

import io.github.aelab.experiments.bind.Problems;
import io.github.aelab.experiments.bind.Suggestions;
import io.github.aelab.experiments.yaml.YamlNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The check of an {@code evaluation.*_baselines} list, shared by detector, clusterer and hashing runs: known names, each once. */
final class BaselineNames {
  private BaselineNames() {}

  /**
   * @param key the list's key under {@code evaluation}, e.g. {@code detector_baselines}
   * @param kind the word before "baseline" in messages, e.g. {@code anomaly}
   */
  static void check(List<String> names, List<String> known, String key, String kind, YamlNode tree,
      Problems problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String path = "evaluation." + key + "[" + i + "]";
      var at = itemAt(tree, i, "evaluation", key);
      if (!known.contains(name)) {
        problems.add(at, path, "unknown " + kind + " baseline '" + name + "'.", Suggestions.closest(name, known),
            "Known: " + String.join(", ", known) + ".");
      } else if (!seen.add(name)) {
        problems.add(at, path, "baseline '" + name + "' is listed twice; each is measured once.", null);
      }
    }
  }
}
