package io.github.aelab.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aelab.experiments.ExperimentLoader;
import io.github.aelab.experiments.Sweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aelab sweep FILE [--shard i/n]}: runs the trials of a grid sweep, each in
 * {@code DIR/trial-<k>}, then writes {@code summary.csv} and {@code summary.md} over every trial
 * found in DIR, so that shards run separately (on several machines into a shared folder, or one
 * after the other) add up to one table.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = "Run a grid sweep (or one shard of it).")
public final class SweepCommand implements Callable<Integer> {
  static final List<String> SUMMARY_METRICS = List.of("test.sse_per_image", "test.mse", "pca.test.sse_per_image",
      "train.epochs", "train.final_loss", "test.roc_auc", "test.average_precision", "test.f1", "train.accuracy",
      "train.nmi", "train.ari", "test.accuracy");
  private final ExperimentLoader loader;
  private final ExperimentRunner runner;

  @Parameters(index = "0", paramLabel = "FILE", description = "An experiment file with a sweep section.")
  Path file;

  @Option(names = "--shard", paramLabel = "i/n", description = "Run only trials t with t %% n == i (default: all).")
  String shard;

  @Option(names = "--out", paramLabel = "DIR", description = "Sweep directory (default: runs/<name>-sweep).")
  Path out;

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a key in every trial (repeatable).")
  List<String> overrides = new ArrayList<>();

  @jakarta.inject.Inject
  SweepCommand(ExperimentLoader loader, ExperimentRunner runner) {
    this.loader = loader;
    this.runner = runner;
  }

  @Override
  public Integer call() throws IOException {
    List<Sweep.Trial> all = Sweep.trials(loader, file, overrides);
    List<Sweep.Trial> mine = all;
    if (shard != null) {
      String[] parts = shard.split("/");
      if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
        throw new IllegalArgumentException("--shard must be i/n, e.g. 0/2; found '" + shard + "'");
      }
      mine = Sweep.shard(all, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
    Path dir = out != null ? out : Path.of("runs", all.get(0).loaded().experiment().name() + "-sweep");
    Files.createDirectories(dir);
    int failed = 0;
    for (Sweep.Trial t : mine) {
      Path trialDir = dir.resolve("trial-" + t.index());
      if (Files.isRegularFile(trialDir.resolve("metrics.json"))) {
        System.out.println("trial " + t.index() + " " + t.assignments() + ": already done");
        continue;
      }
      System.out.println("trial " + t.index() + " of " + all.size() + ": " + t.assignments());
      RunDirectory run = RunDirectory.create(trialDir, "trial-" + t.index());
      run.writeJson("trial.json", Map.of("index", t.index(), "assignments", t.assignments()));
      try {
        runner.run(t.loaded(), run);
      } catch (RuntimeException e) {
        failed++; // recorded in the trial's status.json; the other trials still run
        System.err.println("trial " + t.index() + " failed: " + e.getMessage());
      }
    }
    List<Map<String, String>> rows = summarize(dir);
    System.out.print(markdown(rows));
    System.out.println("sweep: " + dir + " (" + rows.size() + " of " + all.size() + " trials recorded)");
    return failed == 0 ? AelabCommand.OK : AelabCommand.RUN_FAILED;
  }

  /** Rewrites summary.csv and summary.md from every trial directory; returns the rows. */
  static List<Map<String, String>> summarize(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Map<String, String>> rows = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>(List.of("trial", "status"));
    List<Path> trialDirs;
    try (Stream<Path> s = Files.list(dir)) {
      trialDirs = s.filter(p -> p.getFileName().toString().matches("trial-\\d+"))
          .sorted((a, b) -> Integer.compare(index(a), index(b))).toList();
    }
    for (Path t : trialDirs) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("trial", String.valueOf(index(t)));
      JsonNode trial = read(json, t.resolve("trial.json"));
      if (trial != null) {
        trial.get("assignments").fields().forEachRemaining(e -> {
          columns.add(e.getKey());
          row.put(e.getKey(), e.getValue().asText());
        });
      }
      JsonNode status = read(json, t.resolve("status.json"));
      row.put("status", status == null ? "unfinished" : status.get("status").asText());
      JsonNode metrics = read(json, t.resolve("metrics.json"));
      for (String m : SUMMARY_METRICS) {
        if (metrics != null && metrics.has(m)) {
          columns.add(m);
          row.put(m, metrics.get(m).asText());
        }
      }
      rows.add(row);
    }
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
    for (Map<String, String> r : rows) {
      csv.append(String.join(",", columns.stream().map(c -> r.getOrDefault(c, "")).toList())).append('\n');
    }
    Files.writeString(dir.resolve("summary.csv"), csv);
    Files.writeString(dir.resolve("summary.md"), markdownOf(rows, columns));
    return rows;
  }

  private static String markdown(List<Map<String, String>> rows) {
    Set<String> columns = new LinkedHashSet<>();
    rows.forEach(r -> columns.addAll(r.keySet()));
    return markdownOf(rows, columns);
  }

  private static String markdownOf(List<Map<String, String>> rows, Set<String> columns) {
    StringBuilder b = new StringBuilder("| " + String.join(" | ", columns) + " |\n|");
    columns.forEach(c -> b.append(" --- |"));
    b.append('\n');
    for (Map<String, String> r : rows) {
      b.append("| ").append(String.join(" | ", columns.stream().map(c -> r.getOrDefault(c, "")).toList())).append(" |\n");
    }
    return b.toString();
  }

  private static int index(Path trialDir) {
    return Integer.parseInt(trialDir.getFileName().toString().substring("trial-".length()));
  }

  private static JsonNode read(ObjectMapper json, Path file) throws IOException {
    return Files.isRegularFile(file) ? json.readTree(file.toFile()) : null;
  }
}
