package com.acme.aelab;

import io.github.aelab.experiments.bind.ComponentKind;
import io.github.aelab.runner.wiring.ComponentModule;

/** A badly written plugin: forgets its namespace on a name. */
public final class UnnamespacedPlugin extends ComponentModule {
  @Override
  protected String namespace() {
    return "acme";
  }

  @Override
  protected void configure() {
    register(ComponentKind.BLOCK, "scale", ScaleBlockSpec.class);
  }
}
