package io.github.aelab.experiments;

import io.github.aelab.core.io.RecordTree;
import io.github.aelab.experiments.bind.ComponentRegistry;
import io.github.aelab.experiments.bind.ComponentType;
import io.github.aelab.experiments.spec.Experiment;
import io.github.aelab.models.DecoderSpec;
import java.nio.file.Path;
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
    return dump(toTree(spec));
  }

  /**
   * The resolved file of a run: every key written out, except a detector's, clusterer's or
   * hasher's {@code data.split}, which the loader refuses there (the protocol, the clusterer or the
   * query draw decides which rows train), so that the file loads and re-runs as it is.
   */
  public String toRunnableYaml(Experiment e) {
    return toRunnableYaml(e, null);
  }

  /**
   * {@link #toRunnableYaml(Experiment)} with every relative file path (data files, pretrained
   * weights) resolved against {@code baseDir}, the experiment file's folder, as the loader read
   * them: the resolved file sits in the run's folder, where the same relative paths would name
   * other files.
   *
   * @param baseDir null to write paths as the file gave them
   */
  public String toRunnableYaml(Experiment e, Path baseDir) {
    Object tree = toTree(e, baseDir);
    if (e.kind() != Experiment.Kind.AUTOENCODER
        && tree instanceof java.util.Map<?, ?> root && root.get("data") instanceof java.util.Map<?, ?> data) {
      data.remove("split");
    }
    return dump(tree);
  }

  private static String dump(Object tree) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setSplitLines(false);
    return new Yaml(options).dump(tree);
  }

  public Object toTree(Object value) {
    return toTree(value, null);
  }

  private Object toTree(Object value, Path baseDir) {
    return RecordTree.toTree(value, v -> absolute(fileForm(v), baseDir), v -> registry.typeOf(v).map(ComponentType::name));
  }

  private static Object absolute(Object value, Path baseDir) {
    return value instanceof Path p && baseDir != null && !p.isAbsolute() ? baseDir.resolve(p).normalize() : value;
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
