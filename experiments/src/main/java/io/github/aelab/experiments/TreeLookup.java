package io.github.aelab.experiments;

import io.github.aelab.experiments.yaml.Location;
import io.github.aelab.experiments.yaml.YamlNode;

/**
 * Finding a place in the file for a problem found after binding: the checks of detector and
 * clusterer runs point at the value that is wrong, as the binder does, not only at its section.
 */
final class TreeLookup {
  private TreeLookup() {}

  /** The node at a key path, or null. */
  static YamlNode node(YamlNode tree, String... keys) {
    YamlNode node = tree;
    for (String k : keys) {
      if (!(node instanceof YamlNode.MapNode m) || m.get(k) == null) {
        return null;
      }
      node = m.get(k);
    }
    return node;
  }

  /** Where a value is written (as the binder reports bad values), else its nearest enclosing key. */
  static Location valueAt(YamlNode tree, String... keys) {
    YamlNode n = node(tree, keys);
    return n != null ? n.location() : ExperimentLoader.locate(tree, keys);
  }

  /** Where item {@code index} of the list at a key path is written, else where the list is. */
  static Location itemAt(YamlNode tree, int index, String... keys) {
    return node(tree, keys) instanceof YamlNode.ListNode list && index < list.items().size()
        ? list.items().get(index).location() : valueAt(tree, keys);
  }
}
