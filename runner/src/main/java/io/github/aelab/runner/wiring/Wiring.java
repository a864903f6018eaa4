package io.github.aelab.runner.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.spi.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Creates the application's injector: the registry, the built-in components and every plugin
 * module found with {@link ServiceLoader} on the class path. A plugin jar adds experiment-file
 * types with no change to aelab.
 */
public final class Wiring {
  private Wiring() {}

  public static Injector injector() {
    List<Module> modules = new ArrayList<>();
    modules.add(new RegistryModule());
    modules.add(new BuiltInComponentsModule());
    for (ComponentModule plugin : ServiceLoader.load(ComponentModule.class)) {
      modules.add(plugin);
    }
    try {
      return Guice.createInjector(modules);
    } catch (CreationException e) {
      throw new IllegalStateException("aelab cannot start: " + e.getErrorMessages().stream()
          .map(Message::getMessage).collect(Collectors.joining("; ")), e);
    }
  }
}
