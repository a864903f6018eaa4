package io.github.aelab.experiments.data;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several sources read as one, rows in order: a published train/test pair searched or clustered
 * as a whole, as the hashing literature does with MNIST's 70,000 images. The sources must agree
 * on the number of columns and on having labels.
 */
@Doc("the rows of several sources one after another (e.g. MNIST's training and test files as one set of 70,000)")
public record ConcatSource(
    @Doc("the sources, in order; same columns, and labels on all or on none") List<DataSourceSpec> sources,
    @Doc("use only the first N rows of the whole; 0 for all") @DefaultValue("0") int limit) implements DataSourceSpec {
  public ConcatSource {
    if (sources == null || sources.size() < 2) {
      throw new IllegalArgumentException("concat needs at least two sources, found "
          + (sources == null ? 0 : sources.size()));
    }
    sources = List.copyOf(sources);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, found " + limit);
    }
  }

  @Override
  public Dataset load(Path baseDir, long seed) {
    Dataset all = sources.get(0).load(baseDir, seed);
    for (int i = 1; i < sources.size(); i++) {
      Dataset next = sources.get(i).load(baseDir, seed);
      all = Dataset.concat(all, next, all.name() + "+" + next.name());
    }
    return limit > 0 && limit < all.rows() ? all.head(limit) : all;
  }

  @Override
  public List<Path> files(Path baseDir) {
    List<Path> files = new ArrayList<>();
    sources.forEach(s -> files.addAll(s.files(baseDir)));
    return files;
  }
}
