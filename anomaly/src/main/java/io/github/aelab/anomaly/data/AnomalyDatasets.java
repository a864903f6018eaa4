package io.github.aelab.anomaly.data;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.MatLoader;
import io.github.aelab.core.data.NpzLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The tabular anomaly benchmarks by name, from a directory laid out like the project's shared
 * data ({@code odds_NAME.mat}, {@code adbench_NAME.npz}, {@code kddcup99_dagmm_onehot.npz}).
 * Labels: 1 = anomaly, 0 = normal.
 *
 * <p>A name resolves to the ODDS file when there is one (these are the inputs of PyOD's published
 * table), else to the ADBench file; {@code adbench_NAME} or {@code odds_NAME} picks one
 * explicitly. {@code kddcup99} is the DAGMM encoding of the 10 % set, whose label 1 marks the
 * original "normal." traffic: the DAGMM protocol's anomaly class.
 */
public final class AnomalyDatasets {
  private final Path directory;

  public AnomalyDatasets(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException(directory + ": no such anomaly data directory");
    }
    this.directory = directory;
  }

  public Dataset load(String name) {
    if (name.equals("kddcup99")) {
      return NpzLoader.loadLabelInLastColumn(require(directory.resolve("kddcup99_dagmm_onehot.npz"), name), "kdd", name);
    }
    Path file = resolve(name);
    return file.getFileName().toString().endsWith(".mat")
        ? MatLoader.load(file, "X", "y", name)
        : NpzLoader.load(file, "X", "y", name);
  }

  private Path resolve(String name) {
    if (name.startsWith("odds_") || name.startsWith("adbench_")) {
      return require(directory.resolve(name + (name.startsWith("odds_") ? ".mat" : ".npz")), name);
    }
    Path odds = directory.resolve("odds_" + name + ".mat");
    if (Files.isRegularFile(odds)) {
      return odds;
    }
    return require(directory.resolve("adbench_" + name + ".npz"), name);
  }

  private Path require(Path file, String name) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no anomaly dataset '" + name + "' in " + directory + " (looked for "
          + file.getFileName() + "); known: " + String.join(", ", names()));
    }
    return file;
  }

  /** Every dataset name the directory offers. */
  public List<String> names() {
    TreeSet<String> names = new TreeSet<>();
    try (var files = Files.list(directory)) {
      files.map(p -> p.getFileName().toString()).forEach(f -> {
        if (f.equals("kddcup99_dagmm_onehot.npz")) {
          names.add("kddcup99");
        } else if (f.startsWith("odds_") && f.endsWith(".mat")) {
          names.add(f.substring(5, f.length() - 4));
        } else if (f.startsWith("adbench_") && f.endsWith(".npz")) {
          names.add(f.substring(8, f.length() - 4));
        }
      });
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new ArrayList<>(names);
  }
}
