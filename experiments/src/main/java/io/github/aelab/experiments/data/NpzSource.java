package io.github.aelab.experiments.data;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.NpzLoader;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

@Doc("a NumPy .npz archive with a feature matrix and a label vector, as the ADBench files")
public record NpzSource(
    @Doc("the file") Path path,
    @Doc("key of the feature matrix") @DefaultValue("X") String x,
    @Doc("key of the label vector; null for none") @DefaultValue("y") String y) implements DataSourceSpec {
  public NpzSource {
    Objects.requireNonNull(path, "path");
  }

  @Override
  public Dataset load(Path baseDir, long seed) {
    Path file = DataSourceSpec.resolve(baseDir, path);
    return NpzLoader.load(file, x, y, file.getFileName().toString());
  }

  @Override
  public List<Path> files(Path baseDir) {
    return List.of(DataSourceSpec.resolve(baseDir, path));
  }
}
