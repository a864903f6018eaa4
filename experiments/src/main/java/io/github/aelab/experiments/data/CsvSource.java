package io.github.aelab.experiments.data;

import io.github.aelab.core.data.CsvLoader;
import io.github.aelab.core.data.CsvOptions;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

@Doc("a CSV file of numbers, optionally with a header and an integer label column")
public record CsvSource(
    @Doc("the file") Path path,
    @Doc("first line holds column names") @DefaultValue("true") boolean header,
    @Doc("name (or index without header) of the label column") @DefaultValue(DefaultValue.NULL) String labelColumn,
    @Doc("field separator") @DefaultValue("','") String delimiter) implements DataSourceSpec {
  public CsvSource {
    Objects.requireNonNull(path, "path");
    if (delimiter == null || delimiter.length() != 1) {
      throw new IllegalArgumentException("delimiter must be one character, found '" + delimiter + "'");
    }
  }

  @Override
  public Dataset load(Path baseDir, long seed) {
    Path file = DataSourceSpec.resolve(baseDir, path);
    return CsvLoader.load(file, new CsvOptions(header, labelColumn, delimiter.charAt(0)), file.getFileName().toString());
  }

  @Override
  public List<Path> files(Path baseDir) {
    return List.of(DataSourceSpec.resolve(baseDir, path));
  }
}
