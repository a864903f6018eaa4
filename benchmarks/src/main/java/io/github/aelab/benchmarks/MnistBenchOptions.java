package io.github.aelab.benchmarks;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.runtime.Device;
import io.github.aelab.core.runtime.RuntimeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every MNIST benchmark takes (a picocli mixin): where the files are, a quick-check
 * row limit, the seed, threads and the output folder. Each benchmark keeps its own model and
 * budget options, whose defaults differ.
 */
public final class MnistBenchOptions {
  @Option(names = "--limit", description = "Use only the first N training images (a quick check, not the benchmark).")
  Integer limit;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "0", description = "Intra-op threads, 0 for all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--data", description = "Folder with the four MNIST IDX files (default: $AELAB_DATA/mnist, ~/.aelab/data/mnist, ../shared/data/mnist).")
  Path data;

  @Option(names = "--out", description = "Output directory (default: under runs/, named after the benchmark and the time).")
  Path out;

  public long seed() {
    return seed;
  }

  /** MNIST's training images (the first {@code --limit} of them when given) and its test images. */
  MnistData load() {
    return MnistData.load(data);
  }

  Dataset train(MnistData mnist) {
    return limit == null ? mnist.train() : mnist.train().head(limit);
  }

  /** CPU with {@code --threads} intra-op threads, deterministic kernels off (the benchmarks' setting). */
  public RuntimeSettings runtime() {
    return new RuntimeSettings(Device.CPU, threads, 0, false, false);
  }

  /** {@code --out}, or {@code runs/bench-<name>-<UTC timestamp>}; created. */
  public Path outputDirectory(String name) throws IOException {
    Path dir = out != null ? out : Path.of("runs", "bench-" + name + "-"
        + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.now()));
    Files.createDirectories(dir);
    return dir;
  }
}
