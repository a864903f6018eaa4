package io.github.aelab.runner;

import io.github.aelab.experiments.bind.ComponentKind;
import io.github.aelab.experiments.bind.ComponentRegistry;
import io.github.aelab.experiments.bind.ComponentType;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code aelab components}: every registered type, by kind. */
@Command(name = "components", mixinStandardHelpOptions = true, description = "List every component type by kind.")
public final class ComponentsCommand implements Callable<Integer> {
  private final ComponentRegistry registry;

  @jakarta.inject.Inject
  ComponentsCommand(ComponentRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    for (ComponentKind kind : ComponentKind.values()) {
      System.out.println(kind.word() + ":");
      for (ComponentType t : registry.all(kind)) {
        System.out.printf("  %-22s %s%n", t.name(), t.doc());
      }
    }
    return AelabCommand.OK;
  }
}
