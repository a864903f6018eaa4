package io.github.aelab.experiments.bind;

import io.github.aelab.core.io.RecordTree;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.experiments.yaml.Location;
import io.github.aelab.experiments.yaml.YamlNode;
import io.github.aelab.experiments.yaml.YamlNode.ListNode;
import io.github.aelab.experiments.yaml.YamlNode.MapNode;
import io.github.aelab.experiments.yaml.YamlNode.ScalarNode;
import io.github.aelab.experiments.yaml.YamlReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds a {@link YamlNode} tree to spec records, collecting every problem instead of stopping
 * at the first: unknown keys (with the closest known key), missing required keys, values of
 * the wrong type, unknown component types (with the closest registered name), and the bounds
 * that the records' own constructors check.
 *
 * <p>Keys are the records' component names in snake_case; {@link DefaultValue} marks optional
 * ones. An interface-typed component is a pluggable slot ({@code {type: name, ...}}, or just
 * {@code name} when it needs no parameters) resolved through the {@link ComponentRegistry}.
 * Nothing here ever loads a class named by the file.
 */
public final class SpecBinder {

  /** Custom binding for a type whose YAML form is not a plain record (e.g. {@code decoder: mirror}). */
  public interface Adapter {
    Object bind(SpecBinder binder, YamlNode node, String path, Problems problems);
  }

  /** Returned by binding steps that failed; the problem is already recorded. */
  private static final Object FAILED = new Object();

  private final ComponentRegistry registry;
  private final Map<Class<?>, Adapter> adapters = new HashMap<>();

  public SpecBinder(ComponentRegistry registry) {
    this.registry = registry;
  }

  public SpecBinder withAdapter(Class<?> type, Adapter adapter) {
    adapters.put(type, adapter);
    return this;
  }

  public ComponentRegistry registry() {
    return registry;
  }

  /** Binds {@code node} to {@code type}; returns null when problems were recorded. */
  @SuppressWarnings("unchecked")
  public <T> T bind(YamlNode node, Class<T> type, String path, Problems problems) {
    Object value = bindValue(node, type, path, problems);
    return value == FAILED ? null : (T) value;
  }

  /** Binds to a generic type (List of specs, say); null when problems were recorded. */
  public Object bindGeneric(YamlNode node, Type type, String path, Problems problems) {
    Object value = bindValue(node, type, path, problems);
    return value == FAILED ? null : value;
  }

  private Object bindValue(YamlNode node, Type type, String path, Problems problems) {
    Class<?> raw = rawClass(type);
    Adapter adapter = adapters.get(raw);
    if (adapter != null) {
      Object v = adapter.bind(this, node, path, problems);
      return v == null ? FAILED : v;
    }
    ComponentKind kind = ComponentKind.forInterface(raw);
    if (kind != null) {
      return bindComponent(node, kind, path, problems);
    }
    if (raw.isRecord()) {
      if (!(node instanceof MapNode map)) {
        return wrongType(node, path, "a mapping", problems);
      }
      return bindRecord(map, raw, path, problems, "'" + lastSegment(path) + "'", List.of());
    }
    if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      if (!(node instanceof ListNode list)) {
        return wrongType(node, path, "a list", problems);
      }
      List<Object> out = new ArrayList<>();
      boolean ok = true;
      for (int i = 0; i < list.items().size(); i++) {
        Object v = bindValue(list.items().get(i), element, path + "[" + i + "]", problems);
        ok &= v != FAILED;
        out.add(v);
      }
      return ok ? List.copyOf(out) : FAILED;
    }
    if (raw.isArray()) {
      return bindArray(node, raw.getComponentType(), path, problems);
    }
    return bindScalar(node, raw, path, problems);
  }

  private Object bindComponent(YamlNode node, ComponentKind kind, String path, Problems problems) {
    String typeName;
    MapNode params;
    Location typeLocation;
    if (node instanceof ScalarNode s && !s.isNull()) {
      typeName = s.text();
      typeLocation = s.location();
      params = new MapNode(Map.of(), s.location());
    } else if (node instanceof MapNode map) {
      YamlNode t = map.get("type");
      if (t == null) {
        problems.add(map.location(), path + ".type", "missing 'type' of this " + kind.word(), null,
            "Known: " + String.join(", ", registry.names(kind)) + ".");
        return FAILED;
      }
      if (!(t instanceof ScalarNode ts) || ts.isNull()) {
        return wrongType(t, path + ".type", "a " + kind.word() + " type name", problems);
      }
      typeName = ts.text();
      typeLocation = ts.location();
      params = map.without("type");
    } else {
      return wrongType(node, path, "a " + kind.word() + ": {type: name, ...}", problems);
    }
    var type = registry.find(kind, typeName);
    if (type.isEmpty()) {
      problems.add(typeLocation, path + (node instanceof MapNode ? ".type" : ""),
          "unknown " + kind.word() + " '" + typeName + "'.", Suggestions.closest(typeName, registry.names(kind)),
          "Known: " + String.join(", ", registry.names(kind)) + ".");
      return FAILED;
    }
    return bindRecord(params, type.get().specClass(), path, problems,
        kind.word() + " '" + typeName + "'", List.of("type"));
  }

  private Object bindRecord(MapNode map, Class<?> recordClass, String path, Problems problems, String what,
      List<String> reservedKeys) {
    RecordComponent[] components = recordClass.getRecordComponents();
    Map<String, RecordComponent> byKey = new LinkedHashMap<>();
    for (RecordComponent c : components) {
      byKey.put(RecordTree.snake(c.getName()), c);
    }
    int before = problems.size();
    for (YamlNode.Entry e : map.entries().values()) {
      if (!byKey.containsKey(e.key()) && !reservedKeys.contains(e.key())) {
        problems.add(e.keyLocation(), join(path, e.key()), "unknown key '" + e.key() + "' for " + what + ".",
            Suggestions.closest(e.key(), byKey.keySet()),
            byKey.isEmpty() ? "It takes no parameters." : "Known: " + String.join(", ", byKey.keySet()) + ".");
      }
    }
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      String key = RecordTree.snake(c.getName());
      YamlNode value = map.get(key);
      DefaultValue def = c.getAnnotation(DefaultValue.class);
      if (value == null) {
        if (def == null) {
          problems.add(map.location(), join(path, key), "missing required key '" + key + "' for " + what + ".", null);
          continue;
        }
        args[i] = defaultValue(def, c, join(path, key), map.location(), problems);
      } else if (value instanceof ScalarNode s && s.isNull() && def != null && !c.getType().isPrimitive()) {
        // an optional key may be cleared with null (say 'y: null' for data without labels)
        args[i] = null;
      } else {
        Object v = bindValue(value, c.getGenericType(), join(path, key), problems);
        args[i] = v == FAILED ? null : v;
      }
    }
    if (problems.size() > before) {
      return FAILED;
    }
    try {
      Constructor<?> ctor = recordClass.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      problems.add(map.location(), path, "invalid " + what + ": " + cause.getMessage(), null);
      return FAILED;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + recordClass.getName(), e);
    }
  }

  private Object defaultValue(DefaultValue def, RecordComponent c, String path, Location at, Problems problems) {
    if (DefaultValue.NULL.equals(def.value())) {
      return null;
    }
    Problems local = new Problems();
    YamlNode node = YamlReader.parse("default of " + path, def.value(), local);
    if (node == null) {
      throw new IllegalStateException("bad @DefaultValue '" + def.value() + "' on " + path);
    }
    Object v = bindValue(relocate(node, at), c.getGenericType(), path, local);
    if (!local.isEmpty()) {
      throw new IllegalStateException("bad @DefaultValue '" + def.value() + "' on " + path + ": " + local.all());
    }
    return v;
  }

  private static YamlNode relocate(YamlNode node, Location at) {
    if (node instanceof ScalarNode s) {
      return new ScalarNode(s.text(), s.isNull(), s.quoted(), at);
    }
    if (node instanceof ListNode l) {
      return new ListNode(l.items().stream().map(i -> relocate(i, at)).toList(), at);
    }
    MapNode m = (MapNode) node;
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    m.entries().forEach((k, e) -> entries.put(k, new YamlNode.Entry(k, at, relocate(e.value(), at))));
    return new MapNode(entries, at);
  }

  private Object bindArray(YamlNode node, Class<?> element, String path, Problems problems) {
    if (!(node instanceof ListNode list)) {
      return wrongType(node, path, "a list of numbers", problems);
    }
    int n = list.items().size();
    Object array = java.lang.reflect.Array.newInstance(element, n);
    boolean ok = true;
    for (int i = 0; i < n; i++) {
      Object v = bindScalar(list.items().get(i), element, path + "[" + i + "]", problems);
      if (v == FAILED) {
        ok = false;
      } else {
        java.lang.reflect.Array.set(array, i, v);
      }
    }
    return ok ? array : FAILED;
  }

  private Object bindScalar(YamlNode node, Class<?> type, String path, Problems problems) {
    String expected = expectedWord(type);
    if (!(node instanceof ScalarNode s) || s.isNull()) {
      return wrongType(node, path, expected, problems);
    }
    String text = s.text().strip();
    try {
      if (type == String.class) {
        return s.text();
      }
      if (type == Path.class) {
        return Path.of(s.text());
      }
      if (type == int.class || type == Integer.class) {
        return Integer.parseInt(text.replace("_", ""));
      }
      if (type == long.class || type == Long.class) {
        return Long.parseLong(text.replace("_", ""));
      }
      if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
        double d = Double.parseDouble(text.replace("_", ""));
        if (!Double.isFinite(d)) {
          throw new NumberFormatException("not finite");
        }
        return type == float.class || type == Float.class ? (Object) (float) d : (Object) d;
      }
      if (type == boolean.class || type == Boolean.class) {
        if (text.equals("true")) {
          return true;
        }
        if (text.equals("false")) {
          return false;
        }
        throw new NumberFormatException("not a boolean");
      }
    } catch (NumberFormatException e) {
      return wrongType(node, path, expected, problems);
    }
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        String name = ((Enum<?>) constant).name().toLowerCase(Locale.ROOT);
        names.add(name);
        if (name.equals(text)) {
          return constant;
        }
      }
      problems.add(s.location(), path, "'" + text + "' is not a valid " + lastSegment(path) + ".",
          Suggestions.closest(text, names), "Allowed: " + String.join(", ", names) + ".");
      return FAILED;
    }
    throw new IllegalStateException("no YAML binding for " + type.getName() + " at " + path);
  }

  private static Object wrongType(YamlNode node, String path, String expected, Problems problems) {
    problems.add(node.location(), path, "expected " + expected + ", found " + node.describe() + ".", null);
    return FAILED;
  }

  private static String expectedWord(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants())
          .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
    }
    return "a string";
  }

  static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("unsupported type " + type);
  }

  private static String join(String path, String key) {
    return path == null || path.isEmpty() ? key : path + "." + key;
  }

  private static String lastSegment(String path) {
    int dot = path.lastIndexOf('.');
    String last = dot < 0 ? path : path.substring(dot + 1);
    int bracket = last.indexOf('[');
    return bracket < 0 ? last : last.substring(0, bracket);
  }
}
