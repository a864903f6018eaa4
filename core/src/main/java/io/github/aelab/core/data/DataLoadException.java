package io.github.aelab.core.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file could not be loaded. The message always starts with the file's path, then says what
 * was wrong and what was expected, so a failed run names the culprit without a stack trace, e.g.
 * {@code /x/train.idx: truncated: header says 60000 images of 28x28 (47040000 bytes) but only 1000
 * bytes follow}.
 */
public final class DataLoadException extends RuntimeException {

  private final transient Path file;
  private final String problem;

  public DataLoadException(Path file, String problem) {
    this(file, problem, null);
  }

  public DataLoadException(Path file, String problem, Throwable cause) {
    super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"), cause);
    this.file = file;
    this.problem = problem;
  }

  /** The file that failed to load. */
  public Path file() {
    return file;
  }

  /** The message without the leading path. */
  public String problem() {
    return problem;
  }
}
