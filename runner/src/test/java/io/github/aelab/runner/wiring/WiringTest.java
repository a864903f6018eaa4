package io.github.aelab.runner.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.aelab.ScaleBlockSpec;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import io.github.aelab.experiments.bind.ComponentKind;
import io.github.aelab.experiments.bind.ComponentRegistry;
import io.github.aelab.core.block.DenseBlock;
import org.junit.jupiter.api.Test;

class WiringTest {

  @Test
  void builtInsAndPluginsFoundOnTheClassPathAreRegistered() {
    ComponentRegistry registry = Wiring.injector().getInstance(ComponentRegistry.class);
    assertThat(registry.names(ComponentKind.BLOCK)).contains("dense", "conv2d", "acme:scale");
    assertThat(registry.find(ComponentKind.BLOCK, "acme:scale").orElseThrow().specClass()).isEqualTo(ScaleBlockSpec.class);
    assertThat(registry.names(ComponentKind.OPTIMIZER)).containsExactly("adam", "rmsprop", "sgd");
  }

  @Test
  void aDuplicateNameIsAnErrorAtStartUp() {
    ComponentModule duplicate = new ComponentModule() {
      @Override
      protected String namespace() {
        return null;
      }

      @Override
      protected void configure() {
        register(ComponentKind.BLOCK, "dense", io.github.aelab.core.block.ReshapeBlock.FlattenSpec.class);
      }
    };
    assertThatThrownBy(() -> Guice.createInjector(new RegistryModule(), new BuiltInComponentsModule(), duplicate))
        .isInstanceOf(CreationException.class).hasMessageContaining("Duplicate key \"dense\"");
  }

  @Test
  void aPluginMustNamespaceItsNames() {
    assertThatThrownBy(() -> Guice.createInjector(new RegistryModule(), new BuiltInComponentsModule(),
        new com.acme.aelab.UnnamespacedPlugin()))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("registers block 'scale' without its namespace; name it 'acme:scale'");
    assertThatThrownBy(() -> Guice.createInjector(new RegistryModule(), new com.acme.aelab.NoNamespacePlugin()))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("must declare a namespace");
  }
}
