package io.github.aelab.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where benchmark data lives: an explicit directory, else {@code $AELAB_DATA}, else
 * {@code ~/.aelab/data}, else the project's shared data beside the checkout
 * ({@code ../shared/data}), the first that holds the wanted subfolder.
 */
final class DataDirectory {
  private DataDirectory() {}

  static Path find(Path explicit, String subfolder) {
    if (explicit != null) {
      if (!Files.isDirectory(explicit)) {
        throw new IllegalArgumentException(explicit + ": no such data directory");
      }
      return explicit;
    }
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("AELAB_DATA");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env).resolve(subfolder));
    }
    candidates.add(Path.of(System.getProperty("user.home"), ".aelab", "data", subfolder));
    candidates.add(Path.of("..", "shared", "data", subfolder));
    for (Path p : candidates) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no " + subfolder + " data found; looked in " + candidates
        + ". Fetch MNIST with scripts/fetch-mnist.sh or pass --data DIR");
  }
}
