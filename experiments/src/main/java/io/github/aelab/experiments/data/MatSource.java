package io.github.aelab.experiments.data;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.MatLoader;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

@Doc("a MATLAB .mat file (v5/v7) with a feature matrix and a label vector, as the ODDS anomaly files")
public record MatSource(
    @Doc("the file") Path path,
    @Doc("name of the feature matrix") @DefaultValue("X") String x,
    @Doc("name of the label vector; null for none") @DefaultValue("y") String y) implements DataSourceSpec {
  public MatSource {
    Objects.requireNonNull(path, "path");
  }

  @Override
  public Dataset load(Path baseDir, long seed) {
    Path file = DataSourceSpec.resolve(baseDir, path);
    return MatLoader.load(file, x, y, file.getFileName().toString());
  }

  @Override
  public List<Path> files(Path baseDir) {
    return List.of(DataSourceSpec.resolve(baseDir, path));
  }
}
