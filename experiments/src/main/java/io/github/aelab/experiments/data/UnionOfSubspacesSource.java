package io.github.aelab.experiments.data;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.nio.file.Path;
import java.util.List;

/** Generated rows on random linear subspaces through the origin: subspace clustering's home ground. */
@Doc("points on a union of random linear subspaces through the origin, labelled by subspace (generated); their "
    + "groups share a mean, which defeats k-means")
public record UnionOfSubspacesSource(
    @Doc("dimensions of the space") @DefaultValue("20") int ambientDims,
    @Doc("dimension of each subspace") @DefaultValue("2") int subspaceDims,
    @Doc("number of subspaces") @DefaultValue("3") int subspaces,
    @Doc("rows on each subspace") @DefaultValue("100") int rowsPerSubspace,
    @Doc("standard deviation of the added noise") @DefaultValue("0.01") double noiseStd) implements DataSourceSpec {
  public UnionOfSubspacesSource {
    if (ambientDims < 1 || subspaceDims < 1 || subspaces < 1 || rowsPerSubspace < 1) {
      throw new IllegalArgumentException("ambient_dims, subspace_dims, subspaces and rows_per_subspace must be >= 1");
    }
    if (subspaceDims > ambientDims) {
      throw new IllegalArgumentException("subspace_dims " + subspaceDims + " is more than ambient_dims "
          + ambientDims);
    }
    if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
      throw new IllegalArgumentException("noise_std must be a finite number >= 0, found " + noiseStd);
    }
  }

  @Override
  public Dataset load(Path baseDir, long seed) {
    return SyntheticData.unionOfSubspaces(ambientDims, subspaceDims, subspaces, rowsPerSubspace, noiseStd, seed);
  }

  @Override
  public List<Path> files(Path baseDir) {
    return List.of();
  }
}
