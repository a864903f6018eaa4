package io.github.aelab.runner;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.Splits;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.data.ZScoreScaler;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.optim.LearningRateSchedule;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.EarlyStopping;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The first experiment to run: a noisy curve (a 1-D manifold) bent through 20 dimensions, where
 * a deep autoencoder with a single code unit must beat PCA with one component by a wide margin.
 * The data is generated, so nothing is downloaded; it runs in seconds.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = "Train a deep autoencoder on generated data (a curve in 20-D) and compare it with PCA.")
public final class QuickstartCommand implements Callable<Integer> {

  @Option(names = "--out", description = "Run directory (default: runs/quickstart-<timestamp>).")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for data, weights and shuffling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--epochs", defaultValue = "300", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--deterministic", description = "One thread per pool: bit-for-bit repeatable on CPU.")
  boolean deterministic;

  /** The experiment, for tests and for the Java example in README. */
  public static AutoencoderRun.Config config(long seed, int epochs, boolean deterministic) {
    Dataset curve = SyntheticData.noisyManifold(2000, 20, 1, 0.02, seed);
    Split split = Splits.trainTest(curve, 0.8, seed);
    Split validationSplit = Splits.trainTest(split.train(), 0.9, seed + 1);
    ZScoreScaler scaler = ZScoreScaler.fit(validationSplit.train());
    AutoencoderSpec spec = AutoencoderSpec.builder(20)
        .hidden(Activation.TANH, 64, 32)
        .code(1, Activation.LINEAR)
        .build();
    FitSpec fit = new FitSpec(new OptimizerSpec.Adam(3e-3), new LearningRateSchedule.Cosine(epochs, 0.05), epochs, 64,
        null, new EarlyStopping(40, 0.0, true));
    RuntimeSettings runtime = deterministic ? RuntimeSettings.reproducible() : RuntimeSettings.defaults();
    return new AutoencoderRun.Config("quickstart", spec, AutoencoderSession.Plan.of(fit), seed, runtime,
        scaler.transform(validationSplit.train()), scaler.transform(validationSplit.test()),
        scaler.transform(split.test()), Map.of(), 10, true);
  }

  @Override
  public Integer call() {
    RunDirectory run = RunDirectory.create(out, "quickstart");
    Map<String, Object> m = AutoencoderRun.execute(config(seed, epochs, deterministic), run);
    System.out.printf(Locale.ROOT, "%n%-34s %12s%n", "quickstart (curve in 20-D)", "sq. error/row");
    System.out.printf(Locale.ROOT, "%-34s %12.4f%n", "deep autoencoder, 1 code unit", (double) m.get("test.sse_per_image"));
    System.out.printf(Locale.ROOT, "%-34s %12.4f%n", "PCA, 1 component", (double) m.get("pca.test.sse_per_image"));
    System.out.printf(Locale.ROOT, "%-34s %11.1fx%n", "PCA error / autoencoder error", (double) m.get("pca_over_autoencoder_sse"));
    System.out.printf(Locale.ROOT, "run record: %s%n", run.root());
    return AelabCommand.OK;
  }
}
