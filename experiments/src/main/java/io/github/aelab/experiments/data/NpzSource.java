package io.github.aelab.experiments.data;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.NpzLoader;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A NumPy archive: features from {@code x} and labels from {@code y} (the ADBench layout), or,
 * with {@code label_in_last_column}, one table {@code x} whose last column is the label (the
 * DAGMM KDDCUP99 file, {@code kdd}: 118 features then the label).
 */
@Doc("a NumPy .npz archive with a feature matrix and a label vector (ADBench), or one table whose last column is "
    + "the label (DAGMM's KDDCUP99)")
public record NpzSource(
    @Doc("the file") Path path,
    @Doc("key of the feature matrix (with label_in_last_column: of the table)") @DefaultValue("X") String x,
    @Doc("key of the label vector; null for none; not read with label_in_last_column") @DefaultValue("y") String y,
    @Doc("the labels are the last column of x, not a separate array") @DefaultValue("false") boolean labelInLastColumn)
    implements DataSourceSpec {
  public NpzSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(x, "x");
    // 'y' keeps its default "y" when the labels come from the table; any other key would be a second,
    // contradictory place for them.
    if (labelInLastColumn && y != null && !y.equals("y")) {
      throw new IllegalArgumentException("label_in_last_column reads the labels from the last column of '" + x
          + "', so y ('" + y + "') would be a second source of labels; leave y out");
    }
  }

  /** Features {@code x}, labels {@code y} or none. */
  public NpzSource(Path path, String x, String y) {
    this(path, x, y, false);
  }

  @Override
  public Dataset load(Path baseDir, long seed) {
    Path file = DataSourceSpec.resolve(baseDir, path);
    String name = file.getFileName().toString();
    return labelInLastColumn ? NpzLoader.loadLabelInLastColumn(file, x, name) : NpzLoader.load(file, x, y, name);
  }

  @Override
  public List<Path> files(Path baseDir) {
    return List.of(DataSourceSpec.resolve(baseDir, path));
  }
}
