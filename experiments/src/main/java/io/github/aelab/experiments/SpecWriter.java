package io.github.aelab.experiments;

import io.github.aelab.core.io.RecordTree;
import io.github.aelab.experiments.bind.ComponentRegistry;
import io.github.aelab.experiments.bind.ComponentType;
import io.github.aelab.models.DecoderSpec;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Spec records back to the experiment language: every key written out (defaults included), so
 * the resolved file of a run re-runs exactly. {@code load(write(x)) == x} is tested.
 */
public final class SpecWriter {
  private final ComponentRegistry registry;

  public SpecWriter(ComponentRegistry registry) {
    this.registry = registry;
  }

  public String toYaml(Object spec) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setSplitLines(false);
    return new Yaml(options).dump(toTree(spec));
  }

  public Object toTree(Object value) {
    return RecordTree.toTree(value, SpecWriter::fileForm, v -> registry.typeOf(v).map(ComponentType::name));
  }

  /** Values whose experiment-file form is not their record: the decoder is 'mirror' or a list of blocks. */
  private static Object fileForm(Object value) {
    if (value instanceof DecoderSpec.Mirror) {
      return "mirror";
    }
    if (value instanceof DecoderSpec.Explicit e) {
      return e.blocks();
    }
    return value;
  }
}
