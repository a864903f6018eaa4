package com.acme.aelab;

import io.github.aelab.experiments.bind.ComponentKind;
import io.github.aelab.runner.wiring.ComponentModule;

/** The test plugin's Guice module, found through META-INF/services like a real plugin jar's. */
public final class AcmeComponents extends ComponentModule {
  @Override
  protected String namespace() {
    return "acme";
  }

  @Override
  protected void configure() {
    register(ComponentKind.BLOCK, "acme:scale", ScaleBlockSpec.class);
  }
}
