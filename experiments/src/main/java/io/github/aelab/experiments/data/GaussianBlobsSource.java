package io.github.aelab.experiments.data;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.nio.file.Path;
import java.util.List;

@Doc("Gaussian clusters, optionally with uniformly scattered outliers labelled 1 (generated)")
public record GaussianBlobsSource(
    @Doc("number of cluster rows") @DefaultValue("1000") int rows,
    @Doc("number of outlier rows; 0 labels rows by cluster instead") @DefaultValue("0") int outliers,
    @Doc("dimensions") @DefaultValue("10") int dims,
    @Doc("number of clusters") @DefaultValue("3") int clusters,
    @Doc("standard deviation of each cluster") @DefaultValue("1.0") double clusterStd) implements DataSourceSpec {
  public GaussianBlobsSource {
    if (rows < 1 || outliers < 0 || dims < 1 || clusters < 1) {
      throw new IllegalArgumentException("rows, dims and clusters must be >= 1 and outliers >= 0");
    }
    if (!(clusterStd > 0)) {
      throw new IllegalArgumentException("cluster_std must be > 0, found " + clusterStd);
    }
  }

  @Override
  public Dataset load(Path baseDir, long seed) {
    return outliers > 0
        ? SyntheticData.gaussianBlobsWithOutliers(rows, outliers, dims, clusters, clusterStd, seed)
        : SyntheticData.gaussianBlobs(rows, dims, clusters, clusterStd, seed);
  }

  @Override
  public List<Path> files(Path baseDir) {
    return List.of();
  }
}
