package io.github.aelab.experiments.data;

import io.github.aelab.core.data.Dataset;
import java.nio.file.Path;
import java.util.List;

/**
 * Where an experiment's rows come from: a file format or a generator. Open set: plugins add
 * their own. Relative paths resolve against the experiment file's folder.
 */
public interface DataSourceSpec {

  /** Loads the rows; {@code seed} drives generators. */
  Dataset load(Path baseDir, long seed);

  /** The files this source reads (checked for existence before anything runs; hashed into the run record). */
  List<Path> files(Path baseDir);

  static Path resolve(Path baseDir, Path file) {
    return file.isAbsolute() || baseDir == null ? file : baseDir.resolve(file).normalize();
  }
}
