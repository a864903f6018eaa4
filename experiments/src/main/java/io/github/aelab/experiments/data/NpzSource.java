package io.github.aelab.experiments.data;

import io.github.aelab.core.data.DataLoadException;
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
 * DAGMM KDDCUP99 file, {@code kdd}: 118 features then the label). {@code append_x} (and
 * {@code append_y}) add the rows of a second pair of arrays after the first: how a published
 * train/test pair is clustered as one set (USPS' {@code X_train} then {@code X_test}, as the DEC
 * papers cluster all 9,298 images).
 */
@Doc("a NumPy .npz archive with a feature matrix and a label vector (ADBench), or one table whose last column is "
    + "the label (DAGMM's KDDCUP99)")
public record NpzSource(
    @Doc("the file") Path path,
    @Doc("key of the feature matrix (with label_in_last_column: of the table)") @DefaultValue("X") String x,
    @Doc("key of the label vector; null for none; not read with label_in_last_column") @DefaultValue("y") String y,
    @Doc("the labels are the last column of x, not a separate array") @DefaultValue("false") boolean labelInLastColumn,
    @Doc("key of a second feature matrix (or table) whose rows follow x's; null for none") @DefaultValue(DefaultValue.NULL)
    String appendX,
    @Doc("key of its label vector, needed when x has labels in y; not read with label_in_last_column")
    @DefaultValue(DefaultValue.NULL) String appendY)
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
    if (appendY != null && appendX == null) {
      throw new IllegalArgumentException("append_y labels the rows of append_x; name append_x too");
    }
    if (appendX != null && labelInLastColumn && appendY != null) {
      throw new IllegalArgumentException("label_in_last_column reads the labels of '" + appendX
          + "' from its last column; leave append_y out");
    }
    // Labels for some rows only would make a data set that is neither labelled nor unlabelled.
    if (appendX != null && !labelInLastColumn && (y == null) != (appendY == null)) {
      throw new IllegalArgumentException(y == null
          ? "x has no labels (y is null), so append_y would label only the appended rows; leave append_y out"
          : "the rows of x are labelled by '" + y + "'; name the labels of '" + appendX + "' with append_y");
    }
  }

  /** Features {@code x}, labels {@code y} or none. */
  public NpzSource(Path path, String x, String y) {
    this(path, x, y, false);
  }

  /** Features {@code x} and labels {@code y}, or a table {@code x} with the label in its last column. */
  public NpzSource(Path path, String x, String y, boolean labelInLastColumn) {
    this(path, x, y, labelInLastColumn, null, null);
  }

  @Override
  public Dataset load(Path baseDir, long seed) {
    Path file = DataSourceSpec.resolve(baseDir, path);
    String name = file.getFileName().toString();
    Dataset first = read(file, x, y, name);
    return appendX == null ? first : append(file, first, read(file, appendX, appendY, name));
  }

  private Dataset read(Path file, String features, String labels, String name) {
    return labelInLastColumn ? NpzLoader.loadLabelInLastColumn(file, features, name)
        : NpzLoader.load(file, features, labels, name);
  }

  /** The rows of {@code first}, then those of {@code second}; columns that differ are the file's problem. */
  private Dataset append(Path file, Dataset first, Dataset second) {
    if (second.cols() != first.cols()) {
      throw new DataLoadException(file, "array '" + appendX + "' has " + second.cols() + " columns but '" + x + "' "
          + first.cols() + "; append_x must have the same columns");
    }
    return Dataset.concat(first, second, first.name());
  }

  @Override
  public List<Path> files(Path baseDir) {
    return List.of(DataSourceSpec.resolve(baseDir, path));
  }
}
