package io.github.aelab.runner.wiring;

import io.github.aelab.experiments.bind.BuiltInComponents;
import io.github.aelab.experiments.bind.ComponentType;

/** The components of core, models and the experiment language, under their plain names. */
public final class BuiltInComponentsModule extends ComponentModule {
  @Override
  protected String namespace() {
    return null;
  }

  @Override
  protected void configure() {
    for (ComponentType t : BuiltInComponents.types()) {
      register(t.kind(), t.name(), t.specClass());
    }
  }
}
