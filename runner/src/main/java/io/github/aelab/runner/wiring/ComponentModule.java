package io.github.aelab.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Names;
import io.github.aelab.experiments.bind.ComponentKind;
import io.github.aelab.experiments.bind.ComponentType;

/**
 * Base of every Guice module that contributes components, built-in or plugin: one
 * {@link MapBinder} per component kind, keyed by type name. Guice rejects a duplicate key when
 * the injector is created, so two components with one name fail at start-up.
 *
 * <p>A plugin is a subclass listed in {@code META-INF/services/io.github.aelab.runner.wiring.ComponentModule}
 * whose {@link #namespace()} prefixes all its names ({@code acme:my_block}).
 */
public abstract class ComponentModule extends AbstractModule {

  /** The namespace every name of this module must carry; null only for aelab's own modules. */
  protected abstract String namespace();

  /** Registers one component under {@code name}. */
  protected final void register(ComponentKind kind, String name, Class<? extends Record> specClass) {
    String ns = namespace();
    if (ns == null && !getClass().getName().startsWith("io.github.aelab.")) {
      addError("plugin module %s must declare a namespace for its component names", getClass().getName());
      return;
    }
    if (ns != null && !name.startsWith(ns + ":")) {
      addError("plugin module %s registers %s '%s' without its namespace; name it '%s:%s'", getClass().getName(),
          kind.word(), name, ns, name);
      return;
    }
    mapBinder(binder(), kind).addBinding(name).toInstance(ComponentType.of(kind, name, specClass));
  }

  static MapBinder<String, ComponentType> mapBinder(com.google.inject.Binder binder, ComponentKind kind) {
    return MapBinder.newMapBinder(binder, String.class, ComponentType.class, Names.named(kind.word()));
  }
}
