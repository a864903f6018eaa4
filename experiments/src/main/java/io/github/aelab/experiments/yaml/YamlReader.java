package io.github.aelab.experiments.yaml;

import io.github.aelab.experiments.bind.Problems;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Reads an experiment file into a {@link YamlNode} tree, safely: the text is only composed into
 * nodes, never constructed into objects, so YAML can never name a Java class. Anchors, aliases
 * and explicit tags are refused (they make a file mean something other than what it shows),
 * duplicate keys are errors, and files over {@link #MAX_BYTES} are refused before parsing.
 */
public final class YamlReader {
  /** No experiment file needs more; a larger one is a mistake or an attack. */
  public static final long MAX_BYTES = 1 << 20;
  private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.MAP, Tag.SEQ, Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

  private YamlReader() {}

  /** Reads {@code file}; problems (unreadable, too large, bad syntax, duplicate keys, ...) go to {@code problems}. */
  public static YamlNode read(Path file, Problems problems) {
    String name = file.toString();
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        problems.add(Location.unknown(name), "", "the file is " + size + " bytes; experiment files are limited to "
            + MAX_BYTES + " bytes", null);
        return null;
      }
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      problems.add(Location.unknown(name), "", "the file is not UTF-8 text", null);
      return null;
    } catch (IOException e) {
      problems.add(Location.unknown(name), "", "cannot read the file: " + e.getMessage(), null);
      return null;
    }
    return parse(name, text, problems);
  }

  /** Parses YAML text that came from {@code name} (a file name, or e.g. "--set"). */
  public static YamlNode parse(String name, String text, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    options.setCodePointLimit((int) MAX_BYTES);
    options.setNestingDepthLimit(50);
    Yaml yaml = new Yaml(options);
    try {
      for (Event event : yaml.parse(new StringReader(text))) {
        if (event instanceof AliasEvent alias) {
          problems.add(at(name, alias.getStartMark()), "", "YAML aliases ('*" + alias.getAnchor()
              + "') are not allowed in experiment files; write the value out, or use 'extends' to share a base file", null);
          return null;
        }
        if (event instanceof NodeEvent node && node.getAnchor() != null) {
          problems.add(at(name, node.getStartMark()), "", "YAML anchors ('&" + node.getAnchor()
              + "') are not allowed in experiment files; use 'extends' to share a base file", null);
          return null;
        }
      }
      Node root = yaml.compose(new StringReader(text));
      if (root == null) {
        problems.add(new Location(name, 1, 1), "", "the file is empty", null);
        return null;
      }
      return convert(name, root, problems);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(mark == null ? Location.unknown(name) : at(name, mark), "", "YAML syntax: " + oneLine(e.getProblem()), null);
      return null;
    } catch (YAMLException e) {
      problems.add(Location.unknown(name), "", "YAML: " + oneLine(e.getMessage()), null);
      return null;
    }
  }

  private static YamlNode convert(String name, Node node, Problems problems) {
    Location loc = at(name, node.getStartMark());
    if (!PLAIN_TAGS.contains(node.getTag())) {
      problems.add(loc, "", "explicit YAML tag '" + node.getTag().getValue() + "' is not allowed; experiment files hold plain values", null);
      return new YamlNode.ScalarNode("", true, false, loc);
    }
    if (node instanceof MappingNode map) {
      Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        Location keyLoc = at(name, t.getKeyNode().getStartMark());
        if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
          problems.add(keyLoc, "", "mapping keys must be plain names", null);
          continue;
        }
        String key = keyNode.getValue();
        if (entries.containsKey(key)) {
          problems.add(keyLoc, key, "duplicate key '" + key + "' (first at " + entries.get(key).keyLocation() + ")", null);
          continue;
        }
        entries.put(key, new YamlNode.Entry(key, keyLoc, convert(name, t.getValueNode(), problems)));
      }
      return new YamlNode.MapNode(entries, loc);
    }
    if (node instanceof SequenceNode seq) {
      return new YamlNode.ListNode(seq.getValue().stream().map(n -> convert(name, n, problems)).toList(), loc);
    }
    ScalarNode scalar = (ScalarNode) node;
    boolean quoted = scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN;
    boolean isNull = !quoted && scalar.getTag().equals(Tag.NULL);
    return new YamlNode.ScalarNode(scalar.getValue(), isNull, quoted, loc);
  }

  static Location at(String name, Mark mark) {
    return new Location(name, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String oneLine(String s) {
    return s == null ? "" : String.join(" ", List.of(s.strip().split("\\s*\\n\\s*")));
  }
}
