package io.github.aelab.experiments.bind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Type name to component, per kind: what the YAML binder resolves {@code type:} against and what
 * {@code aelab components} lists. Filled once at start-up (by Guice in the runner); a duplicate
 * name is an error, never a silent override.
 */
public final class ComponentRegistry {
  private final Map<ComponentKind, Map<String, ComponentType>> byKind = new EnumMap<>(ComponentKind.class);

  public ComponentRegistry(Collection<ComponentType> types) {
    for (ComponentKind k : ComponentKind.values()) {
      byKind.put(k, new TreeMap<>());
    }
    for (ComponentType t : types) {
      ComponentType previous = byKind.get(t.kind()).putIfAbsent(t.name(), t);
      if (previous != null) {
        throw new IllegalStateException("two " + t.kind().word() + " types are named '" + t.name() + "': "
            + previous.specClass().getName() + " and " + t.specClass().getName());
      }
    }
  }

  public Optional<ComponentType> find(ComponentKind kind, String name) {
    return Optional.ofNullable(byKind.get(kind).get(name));
  }

  /** Registered names of a kind, sorted. */
  public List<String> names(ComponentKind kind) {
    return new ArrayList<>(byKind.get(kind).keySet());
  }

  public Collection<ComponentType> all(ComponentKind kind) {
    return Collections.unmodifiableCollection(byKind.get(kind).values());
  }

  /** The registered type of a spec record, for writing specs back to YAML. */
  public Optional<ComponentType> typeOf(Object spec) {
    for (Map<String, ComponentType> types : byKind.values()) {
      for (ComponentType t : types.values()) {
        if (t.specClass() == spec.getClass()) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }
}
