package io.github.aelab.core.io;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns spec records into plain trees (maps, lists, strings, numbers) with snake_case keys, the
 * shape they have in experiment files: records become maps (with a {@code type} entry when the
 * record has a {@code type()} method, as component specs do), enums their snake_case names.
 * Used to write the resolved spec of every run.
 */
public final class RecordTree {
  private RecordTree() {}

  public static Object toTree(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    if (value instanceof int[] a) {
      List<Object> list = new ArrayList<>();
      for (int v : a) {
        list.add(v);
      }
      return list;
    }
    if (value instanceof long[] a) {
      List<Object> list = new ArrayList<>();
      for (long v : a) {
        list.add(v);
      }
      return list;
    }
    if (value instanceof double[] a) {
      List<Object> list = new ArrayList<>();
      for (double v : a) {
        list.add(v);
      }
      return list;
    }
    if (value instanceof Collection<?> c) {
      List<Object> list = new ArrayList<>();
      c.forEach(v -> list.add(toTree(v)));
      return list;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> map = new LinkedHashMap<>();
      m.forEach((k, v) -> map.put(String.valueOf(k), toTree(v)));
      return map;
    }
    if (value.getClass().isRecord()) {
      Map<String, Object> map = new LinkedHashMap<>();
      typeOf(value).ifPresent(t -> map.put("type", t));
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        try {
          c.getAccessor().setAccessible(true);
          map.put(snake(c.getName()), toTree(c.getAccessor().invoke(value)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + c.getName() + " of " + value.getClass().getName(), e);
        }
      }
      return map;
    }
    return value.toString();
  }

  private static java.util.Optional<String> typeOf(Object value) {
    try {
      var m = value.getClass().getMethod("type");
      if (m.getReturnType() == String.class && m.getParameterCount() == 0) {
        return java.util.Optional.of((String) m.invoke(value));
      }
    } catch (NoSuchMethodException e) {
      return java.util.Optional.empty();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read type() of " + value.getClass().getName(), e);
    }
    return java.util.Optional.empty();
  }

  /** {@code learningRate} → {@code learning_rate}. */
  public static String snake(String camel) {
    StringBuilder b = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        b.append('_').append(Character.toLowerCase(ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }
}
