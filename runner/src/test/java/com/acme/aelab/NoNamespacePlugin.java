package com.acme.aelab;

import io.github.aelab.experiments.bind.ComponentKind;
import io.github.aelab.runner.wiring.ComponentModule;

/** A badly written plugin: declares no namespace at all. */
public final class NoNamespacePlugin extends ComponentModule {
  @Override
  protected String namespace() {
    return null;
  }

  @Override
  protected void configure() {
    register(ComponentKind.BLOCK, "other", ScaleBlockSpec.class);
  }
}
