package io.github.aelab.experiments.data;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.IdxLoader;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@Doc("MNIST-family IDX files, raw or gzip; pixels scaled to [0, 1]")
public record IdxSource(
    @Doc("the images file") Path images,
    @Doc("the labels file") @DefaultValue(DefaultValue.NULL) Path labels,
    @Doc("use only the first N rows; 0 for all") @DefaultValue("0") int limit) implements DataSourceSpec {
  public IdxSource {
    Objects.requireNonNull(images, "images");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, found " + limit);
    }
  }

  @Override
  public Dataset load(Path baseDir, long seed) {
    Path img = DataSourceSpec.resolve(baseDir, images);
    Dataset d = IdxLoader.load(img, labels == null ? null : DataSourceSpec.resolve(baseDir, labels),
        img.getFileName().toString());
    return limit > 0 && limit < d.rows() ? d.head(limit) : d;
  }

  @Override
  public List<Path> files(Path baseDir) {
    List<Path> files = new ArrayList<>();
    files.add(DataSourceSpec.resolve(baseDir, images));
    if (labels != null) {
      files.add(DataSourceSpec.resolve(baseDir, labels));
    }
    return files;
  }
}
