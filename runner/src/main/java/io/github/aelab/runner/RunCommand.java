package io.github.aelab.runner;

import io.github.aelab.experiments.ExperimentLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aelab run FILE}: validate, build, train, evaluate, write the run record. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run an experiment file.")
public final class RunCommand implements Callable<Integer> {
  private final ExperimentLoader loader;
  private final ExperimentRunner runner;

  @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file (YAML).")
  Path file;

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a key, e.g. --set training.epochs=5 (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Run directory, exactly (default: runs/<name>-<timestamp>).")
  Path out;

  @Option(names = "--resume", paramLabel = "DIR", description = "Continue the interrupted run in DIR from its latest checkpoint.")
  Path resume;

  @jakarta.inject.Inject
  RunCommand(ExperimentLoader loader, ExperimentRunner runner) {
    this.loader = loader;
    this.runner = runner;
  }

  @Override
  public Integer call() {
    ExperimentLoader.Loaded loaded = loader.load(file, overrides);
    if (resume != null && out != null) {
      throw new IllegalArgumentException("--resume continues a run in its own directory; drop --out");
    }
    RunDirectory run = resume != null ? RunDirectory.reopen(resume) : RunDirectory.create(out, loaded.experiment().name());
    Map<String, Object> m = resume != null ? runner.resume(loaded, run) : runner.run(loaded, run);
    System.out.printf(Locale.ROOT, "%n%-28s %s%n", "experiment", loaded.experiment().name());
    List<String> keys = new ArrayList<>(List.of("test.sse_per_image", "test.mse", "pca.test.sse_per_image",
        "test.negative_elbo", "test.iwae_nll", "train.epochs", "train.samples_per_second", "detector", "test.roc_auc",
        "test.average_precision", "test.f1", "clusterer", "train.accuracy", "train.nmi", "train.ari", "test.accuracy"));
    if (m.get("baselines") instanceof List<?> baselines) {
      baselines.forEach(b -> keys.addAll(List.of(b + ".test.roc_auc", b + ".train.accuracy")));
    }
    for (String key : keys) {
      if (m.containsKey(key)) {
        Object v = m.get(key);
        System.out.printf(Locale.ROOT, "%-28s %s%n", key, v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : v);
      }
    }
    System.out.println("run record: " + run.root());
    return AelabCommand.OK;
  }
}
