package io.github.aelab.core.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the shared data directory (real MNIST, USPS and anomaly files) for tests, which skip
 * when it is absent: the system property {@code aelab.shared.data} if set, else
 * {@code ../shared/data} or {@code ../../shared/data} relative to the module directory.
 */
public final class SharedTestData {

  public static final String PROPERTY = "aelab.shared.data";

  private SharedTestData() {
  }

  /** The shared data directory, if it exists. */
  public static Optional<Path> directory() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured);
      return Files.isDirectory(dir) ? Optional.of(dir.toAbsolutePath().normalize()) : Optional.empty();
    }
    for (String candidate : new String[] {"../shared/data", "../../shared/data"}) {
      Path dir = Path.of(candidate);
      if (Files.isDirectory(dir)) {
        return Optional.of(dir.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  /** The file at {@code relative} in the shared directory; skips the calling test when it is absent. */
  public static Path require(String relative) {
    Optional<Path> dir = directory();
    assumeTrue(dir.isPresent(), "shared data directory not found (set -D" + PROPERTY + ")");
    Path file = dir.get().resolve(relative);
    assumeTrue(Files.exists(file), "shared data file not found: " + file);
    return file;
  }
}
