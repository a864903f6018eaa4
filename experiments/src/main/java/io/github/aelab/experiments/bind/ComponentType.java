package io.github.aelab.experiments.bind;

import io.github.aelab.core.spec.Doc;
import java.util.Objects;

/**
 * A registered component: its kind, its type name in experiment files, and the spec record its
 * parameters bind to. Built-in names are plain ({@code dense}); plugin names carry a namespace
 * ({@code acme:my_block}).
 */
public record ComponentType(ComponentKind kind, String name, Class<? extends Record> specClass) {
  public ComponentType {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(specClass, "specClass");
    if (name == null || !name.matches("([a-z][a-z0-9_]*:)?[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("component type names are snake_case, optionally with a namespace "
          + "('acme:my_block'); found '" + name + "'");
    }
    if (!kind.specInterface().isAssignableFrom(specClass)) {
      throw new IllegalArgumentException(specClass.getName() + " does not implement " + kind.specInterface().getName()
          + ", so it cannot be a " + kind.word());
    }
  }

  public static ComponentType of(ComponentKind kind, String name, Class<? extends Record> specClass) {
    return new ComponentType(kind, name, specClass);
  }

  /** The spec's one-line documentation. */
  public String doc() {
    Doc doc = specClass.getAnnotation(Doc.class);
    return doc == null ? "" : doc.value();
  }

  public boolean namespaced() {
    return name.contains(":");
  }
}
