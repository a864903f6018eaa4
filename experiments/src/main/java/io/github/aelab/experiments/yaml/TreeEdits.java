package io.github.aelab.experiments.yaml;

import io.github.aelab.experiments.bind.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits applied to a file's tree before binding: inheritance from a base file
 * ({@code extends}), {@code ${env:VAR:-default}} interpolation, and {@code --set path=value}
 * overrides.
 */
public final class TreeEdits {
  private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");
  private static final Pattern PATH_PART = Pattern.compile("([A-Za-z0-9_:-]+)((\\[\\d+])*)");

  private TreeEdits() {}

  /**
   * {@code base} overridden by {@code child}: mappings merge key by key, anything else is replaced.
   * A mapping whose {@code type} differs from the base's replaces it whole: it is another component,
   * and the base's settings (an SGD's {@code momentum} under a child's Adam) are not its settings.
   */
  public static YamlNode merge(YamlNode base, YamlNode child) {
    if (base instanceof YamlNode.MapNode b && child instanceof YamlNode.MapNode c && !otherType(b, c)) {
      Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(b.entries());
      c.entries().forEach((k, e) -> {
        YamlNode.Entry old = entries.get(k);
        entries.put(k, old == null ? e : new YamlNode.Entry(k, e.keyLocation(), merge(old.value(), e.value())));
      });
      return new YamlNode.MapNode(entries, c.location());
    }
    return child;
  }

  private static boolean otherType(YamlNode.MapNode base, YamlNode.MapNode child) {
    YamlNode.Entry b = base.entries().get("type");
    YamlNode.Entry c = child.entries().get("type");
    return b != null && c != null && b.value() instanceof YamlNode.ScalarNode bs
        && c.value() instanceof YamlNode.ScalarNode cs && !java.util.Objects.equals(bs.text(), cs.text());
  }

  /** Replaces {@code ${env:VAR}} and {@code ${env:VAR:-default}} in every string; an unset variable without default is a problem. */
  public static YamlNode interpolate(YamlNode node, String path, Problems problems) {
    if (node instanceof YamlNode.MapNode m) {
      Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
      m.entries().forEach((k, e) -> entries.put(k,
          new YamlNode.Entry(k, e.keyLocation(), interpolate(e.value(), join(path, k), problems))));
      return new YamlNode.MapNode(entries, m.location());
    }
    if (node instanceof YamlNode.ListNode l) {
      List<YamlNode> items = new ArrayList<>();
      for (int i = 0; i < l.items().size(); i++) {
        items.add(interpolate(l.items().get(i), path + "[" + i + "]", problems));
      }
      return new YamlNode.ListNode(items, l.location());
    }
    YamlNode.ScalarNode s = (YamlNode.ScalarNode) node;
    if (s.isNull() || !s.text().contains("${")) {
      return s;
    }
    Matcher m = ENV.matcher(s.text());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = System.getenv(m.group(1));
      if (value == null || value.isEmpty()) {
        value = m.group(3);
      }
      if (value == null) {
        problems.add(s.location(), path, "environment variable '" + m.group(1)
            + "' is not set and has no default; write ${env:" + m.group(1) + ":-default}", null);
        value = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    if (out.indexOf("${") >= 0) {
      problems.add(s.location(), path, "unsupported interpolation in '" + s.text()
          + "'; only ${env:NAME} and ${env:NAME:-default} are understood", null);
    }
    return new YamlNode.ScalarNode(out.toString(), false, s.quoted(), s.location());
  }

  /**
   * Applies {@code path=value} ({@code training.epochs=5}, {@code model.encoder[0].units=32}):
   * the value is read as YAML, so numbers, booleans, lists and mappings work. Missing mappings
   * on the way are created; the binder then rejects keys that do not exist.
   */
  public static YamlNode set(YamlNode root, String assignment, Problems problems) {
    int eq = assignment.indexOf('=');
    Location here = new Location("--set " + assignment, 0, 0);
    if (eq <= 0) {
      problems.add(here, "", "--set expects path=value, found '" + assignment + "'", null);
      return root;
    }
    String path = assignment.substring(0, eq).strip();
    YamlNode value = YamlReader.parse("--set " + path, assignment.substring(eq + 1), problems);
    if (value == null) {
      value = new YamlNode.ScalarNode("", true, false, here);
    }
    return set(root, path, value, here, problems);
  }

  /** Sets the node at {@code path} (keys and [index] steps) to {@code value}. */
  public static YamlNode set(YamlNode root, String path, YamlNode value, Location here, Problems problems) {
    List<Object> steps = new ArrayList<>();
    for (String part : path.split("\\.")) {
      Matcher m = PATH_PART.matcher(part);
      if (!m.matches()) {
        problems.add(here, path, "--set path segment '" + part + "' is not a key or key[index]", null);
        return root;
      }
      steps.add(m.group(1));
      Matcher idx = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
      while (idx.find()) {
        steps.add(Integer.parseInt(idx.group(1)));
      }
    }
    YamlNode result = setAt(root, steps, 0, value, path, here, problems);
    return result == null ? root : result;
  }

  private static YamlNode setAt(YamlNode node, List<Object> steps, int i, YamlNode value, String path, Location here,
      Problems problems) {
    if (i == steps.size()) {
      return value;
    }
    Object step = steps.get(i);
    if (step instanceof String key) {
      YamlNode.MapNode map = node instanceof YamlNode.MapNode m ? m
          : node == null ? new YamlNode.MapNode(Map.of(), here) : null;
      if (map == null) {
        problems.add(node.location(), path, "--set cannot descend into " + node.describe() + " at '" + key + "'", null);
        return null;
      }
      YamlNode child = setAt(map.get(key), steps, i + 1, value, path, here, problems);
      if (child == null) {
        return null;
      }
      YamlNode.Entry old = map.entries().get(key);
      return map.with(key, child, old == null ? here : old.keyLocation());
    }
    int index = (Integer) step;
    if (!(node instanceof YamlNode.ListNode list) || index >= list.items().size()) {
      problems.add(node == null ? here : node.location(), path, "--set index [" + index + "] does not exist"
          + (node instanceof YamlNode.ListNode l ? " (the list has " + l.items().size() + " items)" : ""), null);
      return null;
    }
    YamlNode child = setAt(list.items().get(index), steps, i + 1, value, path, here, problems);
    if (child == null) {
      return null;
    }
    List<YamlNode> items = new ArrayList<>(list.items());
    items.set(index, child);
    return new YamlNode.ListNode(items, list.location());
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
