package io.github.aelab.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import io.github.aelab.experiments.ExperimentLoader;
import io.github.aelab.experiments.SpecWriter;
import io.github.aelab.experiments.bind.ComponentKind;
import io.github.aelab.experiments.bind.ComponentRegistry;
import io.github.aelab.experiments.bind.ComponentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Declares a map binder for every kind (so a kind without components is an empty map) and builds the registry from them. */
final class RegistryModule extends AbstractModule {
  @Override
  protected void configure() {
    for (ComponentKind kind : ComponentKind.values()) {
      ComponentModule.mapBinder(binder(), kind);
    }
    // Built when the injector is created, so a duplicate name stops start-up, not a later command.
    bind(ComponentRegistry.class).toProvider(RegistryProvider.class).asEagerSingleton();
  }

  static final class RegistryProvider implements com.google.inject.Provider<ComponentRegistry> {
    private final Injector injector;

    @jakarta.inject.Inject
    RegistryProvider(Injector injector) {
      this.injector = injector;
    }

    @Override
    public ComponentRegistry get() {
      return registry(injector);
    }
  }

  static ComponentRegistry registry(Injector injector) {
    List<ComponentType> all = new ArrayList<>();
    for (ComponentKind kind : ComponentKind.values()) {
      Map<String, ComponentType> byName = injector.getInstance(
          Key.get(new TypeLiteral<Map<String, ComponentType>>() {}, Names.named(kind.word())));
      all.addAll(byName.values());
    }
    return new ComponentRegistry(all);
  }

  @Provides
  ExperimentLoader loader(ComponentRegistry registry) {
    return new ExperimentLoader(registry);
  }

  @Provides
  SpecWriter writer(ComponentRegistry registry) {
    return new SpecWriter(registry);
  }
}
