package io.github.aelab.core.io;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Turns spec records into plain trees (maps, lists, strings, numbers) with snake_case keys, the
 * shape they have in experiment files: records become maps (with a {@code type} entry when the
 * record has a {@code type()} method, as component specs do), enums their snake_case names.
 * Used to write the resolved spec of every run.
 */
public final class RecordTree {
  private RecordTree() {}

  public static Object toTree(Object value) {
    return toTree(value, UnaryOperator.identity(), RecordTree::typeOf);
  }

  /**
   * The same walk with two hooks: {@code replace} may swap any value for another before it is
   * walked (a record whose file form is a word, say), and {@code typeName} gives the
   * {@code type} entry of a record, if any.
   */
  public static Object toTree(Object value, UnaryOperator<Object> replace, Function<Object, Optional<String>> typeName) {
    return new Walker(replace, typeName).walk(value);
  }

  private record Walker(UnaryOperator<Object> replace, Function<Object, Optional<String>> typeName) {
    Object walk(Object original) {
      Object value = original == null ? null : replace.apply(original);
      if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
        return value;
      }
      if (value instanceof Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
      }
      if (value instanceof int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
      }
      if (value instanceof long[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
      }
      if (value instanceof double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
      }
      if (value instanceof Collection<?> c) {
        List<Object> list = new ArrayList<>();
        c.forEach(v -> list.add(walk(v)));
        return list;
      }
      if (value instanceof Map<?, ?> m) {
        Map<String, Object> map = new LinkedHashMap<>();
        m.forEach((k, v) -> map.put(String.valueOf(k), walk(v)));
        return map;
      }
      if (value.getClass().isRecord()) {
        Map<String, Object> map = new LinkedHashMap<>();
        typeName.apply(value).ifPresent(t -> map.put("type", t));
        for (RecordComponent c : value.getClass().getRecordComponents()) {
          try {
            c.getAccessor().setAccessible(true);
            map.put(snake(c.getName()), walk(c.getAccessor().invoke(value)));
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + value.getClass().getName(), e);
          }
        }
        return map;
      }
      return value.toString();
    }
  }

  private static Optional<String> typeOf(Object value) {
    try {
      var m = value.getClass().getMethod("type");
      if (m.getReturnType() == String.class && m.getParameterCount() == 0) {
        return Optional.of((String) m.invoke(value));
      }
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read type() of " + value.getClass().getName(), e);
    }
    return Optional.empty();
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
