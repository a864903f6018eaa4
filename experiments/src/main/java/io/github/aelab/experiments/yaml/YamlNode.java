package io.github.aelab.experiments.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with its position: the tree that binding, overrides, interpolation and
 * inheritance work on. Values are text until bound, so a number and a string look alike here
 * and the binder decides against the target type.
 */
public sealed interface YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.ScalarNode {

  Location location();

  /** A short name of the node's kind for messages: "a mapping", "a list", "'abc'". */
  String describe();

  /** A mapping; keys keep their own locations and their order. */
  record MapNode(Map<String, Entry> entries, Location location) implements YamlNode {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public YamlNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    public MapNode with(String key, YamlNode value, Location keyLocation) {
      Map<String, Entry> copy = new LinkedHashMap<>(entries);
      copy.put(key, new Entry(key, keyLocation, value));
      return new MapNode(copy, location);
    }

    public MapNode without(String key) {
      Map<String, Entry> copy = new LinkedHashMap<>(entries);
      copy.remove(key);
      return new MapNode(copy, location);
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Entry(String key, Location keyLocation, YamlNode value) {}

  record ListNode(List<YamlNode> items, Location location) implements YamlNode {
    public ListNode {
      items = List.copyOf(new ArrayList<>(items));
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A scalar; {@code isNull} for YAML's null ({@code ~}, {@code null} or nothing). */
  record ScalarNode(String text, boolean isNull, boolean quoted, Location location) implements YamlNode {
    @Override
    public String describe() {
      return isNull ? "null" : "'" + text + "'";
    }
  }
}
