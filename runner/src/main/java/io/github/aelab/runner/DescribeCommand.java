package io.github.aelab.runner;

import io.github.aelab.core.io.RecordTree;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.experiments.bind.ComponentKind;
import io.github.aelab.experiments.bind.ComponentRegistry;
import io.github.aelab.experiments.bind.ComponentType;
import io.github.aelab.experiments.bind.Suggestions;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code aelab describe [KIND] TYPE}: parameters with their types, defaults and docs. The kind may
 * be left out when the type name is used by one kind only ({@code aelab describe dagmm}).
 */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Describe a component's parameters.")
public final class DescribeCommand implements Callable<Integer> {
  private final ComponentRegistry registry;

  @Parameters(arity = "1..2", paramLabel = "[KIND] TYPE", description = "The kind (block, optimizer, schedule, "
      + "data_source, regularizer, detector or clusterer), which may be left out when the name is unambiguous, and "
      + "the type name, e.g. dense, dagmm or dec.")
  List<String> words = new ArrayList<>();

  @jakarta.inject.Inject
  DescribeCommand(ComponentRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    ComponentType type = words.size() == 2 ? find(words.get(0), words.get(1)) : find(words.get(0));
    ComponentKind kind = type.kind();
    System.out.println(kind.word() + " " + type.name() + ": " + type.doc());
    RecordComponent[] components = type.specClass().getRecordComponents();
    if (components.length == 0) {
      System.out.println("  (no parameters)");
    }
    for (RecordComponent c : components) {
      DefaultValue def = c.getAnnotation(DefaultValue.class);
      Doc doc = c.getAnnotation(Doc.class);
      String dflt = def == null ? "required" : DefaultValue.NULL.equals(def.value()) ? "default: none" : "default: " + def.value();
      System.out.printf(Locale.ROOT, "  %-22s %-12s %-22s %s%n", RecordTree.snake(c.getName()), typeWord(c.getGenericType()),
          dflt, doc == null ? "" : doc.value());
    }
    return AelabCommand.OK;
  }

  private ComponentType find(String kindWord, String typeName) {
    ComponentKind kind = ComponentKind.fromWord(kindWord);
    if (kind == null) {
      throw new IllegalArgumentException("unknown kind '" + kindWord + "'; kinds: "
          + Arrays.stream(ComponentKind.values()).map(ComponentKind::word).toList());
    }
    return registry.find(kind, typeName).orElseThrow(() -> {
      String near = Suggestions.closest(typeName, registry.names(kind));
      return new IllegalArgumentException("unknown " + kind.word() + " '" + typeName + "'."
          + (near == null ? "" : " Did you mean '" + near + "'?") + " Known: " + String.join(", ", registry.names(kind)));
    });
  }

  /** The one type of any kind with this name. */
  private ComponentType find(String typeName) {
    List<ComponentType> matches = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (ComponentKind k : ComponentKind.values()) {
      registry.find(k, typeName).ifPresent(matches::add);
      all.addAll(registry.names(k));
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      String near = Suggestions.closest(typeName, all);
      throw new IllegalArgumentException("no component is named '" + typeName + "'."
          + (near == null ? "" : " Did you mean '" + near + "'?") + " 'aelab components' lists them all.");
    }
    throw new IllegalArgumentException("'" + typeName + "' names a " + String.join(" and a ",
        matches.stream().map(t -> t.kind().word()).toList()) + "; say which, e.g. 'aelab describe "
        + matches.get(0).kind().word() + " " + typeName + "'");
  }

  static String typeWord(Type t) {
    if (t instanceof ParameterizedType p) {
      return "list of " + typeWord(p.getActualTypeArguments()[0]);
    }
    Class<?> c = (Class<?>) t;
    if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
      return "integer";
    }
    if (c == double.class || c == float.class || c == Double.class) {
      return "number";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "boolean";
    }
    if (c.isEnum()) {
      return String.join("|", Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT)).toList());
    }
    if (c.isArray()) {
      return "list of " + typeWord(c.getComponentType());
    }
    ComponentKind k = ComponentKind.forInterface(c);
    return k != null ? k.word() : c == String.class || c == java.nio.file.Path.class ? "string" : RecordTree.snake(c.getSimpleName());
  }
}
