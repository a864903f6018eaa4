package io.github.aelab.experiments.data;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.nio.file.Path;
import java.util.List;

@Doc("a smooth low-dimensional manifold bent through many dimensions, plus Gaussian noise (generated)")
public record SyntheticManifoldSource(
    @Doc("number of rows") @DefaultValue("2000") int rows,
    @Doc("dimensions of the embedding space") @DefaultValue("20") int ambientDims,
    @Doc("dimensions of the manifold") @DefaultValue("1") int intrinsicDims,
    @Doc("standard deviation of the added noise") @DefaultValue("0.02") double noiseStd) implements DataSourceSpec {
  public SyntheticManifoldSource {
    if (rows < 2) {
      throw new IllegalArgumentException("rows must be >= 2, found " + rows);
    }
    if (ambientDims < 1 || intrinsicDims < 1 || intrinsicDims > ambientDims) {
      throw new IllegalArgumentException("need 1 <= intrinsic_dims <= ambient_dims, found " + intrinsicDims + " and " + ambientDims);
    }
    if (!(noiseStd >= 0)) {
      throw new IllegalArgumentException("noise_std must be >= 0, found " + noiseStd);
    }
  }

  @Override
  public Dataset load(Path baseDir, long seed) {
    return SyntheticData.noisyManifold(rows, ambientDims, intrinsicDims, noiseStd, seed);
  }

  @Override
  public List<Path> files(Path baseDir) {
    return List.of();
  }
}
