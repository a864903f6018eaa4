package io.github.aelab.benchmarks;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.optim.LearningRateSchedule;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.runner.AutoencoderRun;
import io.github.aelab.runner.RunDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Hinton &amp; Salakhutdinov (2006), "Reducing the dimensionality of data with neural networks",
 * MNIST: a 784-1000-500-250-30 autoencoder with a linear 30-unit code, trained on the 60,000
 * training images and evaluated on the 10,000 test images by the squared error summed over the
 * 784 pixels ([0, 1] scale), averaged over images. Published: 3.00 for the autoencoder and 13.87
 * for PCA with 30 components. PCA-30 is measured in the same run.
 *
 * <p>Instead of RBM pretraining and conjugate gradients we train end to end with Adam and a
 * cosine schedule (optionally with greedy layer-wise pretraining first).
 */
@Command(name = "hinton-mnist", mixinStandardHelpOptions = true,
    description = "MNIST 784-1000-500-250-30 autoencoder vs PCA-30 (Hinton & Salakhutdinov 2006).")
public final class HintonMnistBenchmark implements Callable<Integer> {
  static final double PUBLISHED_AUTOENCODER = 3.00;
  static final double PUBLISHED_PCA = 13.87;

  @Mixin
  MnistBenchOptions common;


  @Option(names = "--epochs", defaultValue = "100", description = "Fine-tuning epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--pretrain-epochs", defaultValue = "0", description = "Greedy layer-wise pretraining epochs per layer, 0 for none (default: ${DEFAULT-VALUE}).")
  int pretrainEpochs;

  @Option(names = "--batch", defaultValue = "256", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--learning-rate", defaultValue = "1e-3", description = "Adam's base learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--activation", defaultValue = "relu", description = "Hidden units: relu, elu, sigmoid, ... (default: ${DEFAULT-VALUE}).")
  String activation;


  @Option(names = "--xla", description = "XLA JIT (on CPU through TF_XLA_FLAGS=--tf_xla_cpu_global_jit, which ./aelab sets).")
  boolean xla;

  @Option(names = "--tied", description = "Tie decoder weights to the transposed encoder weights (as Hinton's unrolled RBMs start).")
  boolean tied;

  @Option(names = "--input-noise", description = "Std of Gaussian noise on the inputs in training, clipped to [0, 1] (0: none).")
  double inputNoise;

  @Option(names = "--weight-decay", description = "L2 penalty weight on all kernels (0: none).")
  double weightDecay;

  @Option(names = "--validation", defaultValue = "0", description = "Hold out this many training images for early stopping with restore-best (0: none; default: ${DEFAULT-VALUE}).")
  int validationRows;

  @Option(names = "--patience", defaultValue = "10", description = "Early-stopping patience in epochs (with --validation; default: ${DEFAULT-VALUE}).")
  int patience;

  @Override
  public Integer call() {
    MnistData mnist = common.load();
    Dataset train = common.train(mnist);
    Dataset test = mnist.test();
    Dataset validation = null;
    if (validationRows > 0) {
      // The last images of the training file, a fixed choice, so every run stops on the same rows.
      int keep = train.rows() - validationRows;
      validation = train.subset(java.util.stream.IntStream.range(keep, train.rows()).toArray(), "-validation");
      train = train.head(keep);
    }
    Activation hidden = Activation.fromYamlName(activation);
    AutoencoderSpec spec = AutoencoderSpec.builder(784)
        .hidden(hidden, 1000, 500, 250)
        .code(30, Activation.LINEAR)
        .loss(ReconstructionLoss.BCE)
        .tiedWeights(tied)
        .build();
    FitSpec fit = new FitSpec(new OptimizerSpec.Adam(learningRate), new LearningRateSchedule.Cosine(epochs, 0.02),
        epochs, batch, null, validation == null ? null : new io.github.aelab.core.train.EarlyStopping(patience, 0, true));
    List<io.github.aelab.models.regularize.Regularizer> regularizers = new java.util.ArrayList<>();
    if (inputNoise > 0) {
      regularizers.add(new io.github.aelab.models.regularize.GaussianNoise(inputNoise, 0.0, 1.0));
    }
    if (weightDecay > 0) {
      regularizers.add(new io.github.aelab.models.regularize.WeightDecay(weightDecay));
    }
    FitSpec pretrain = pretrainEpochs > 0 ? FitSpec.adam(learningRate, pretrainEpochs, batch) : null;
    RuntimeSettings base = common.runtime();
    RuntimeSettings runtime = new RuntimeSettings(base.device(), base.intraOpThreads(), base.interOpThreads(), xla,
        base.deterministic());
    Map<String, Path> files = mnist.files();
    AutoencoderRun.Config config = AutoencoderRun.config("hinton-mnist", spec,
        new AutoencoderSession.Plan(pretrain, fit), common.seed(), runtime, train, validation, test, files, 10, true, regularizers);

    RunDirectory run = RunDirectory.create(common.out, "hinton-mnist");
    Map<String, Object> m = AutoencoderRun.execute(config, run);
    double ours = (double) m.get("test.sse_per_image");
    double pca = (double) m.get("pca.test.sse_per_image");
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "%-28s %10s %10s %10s%n", "MNIST test, sq. error/image", "ours", "published", "delta"));
    table.append(String.format(Locale.ROOT, "%-28s %10.3f %10.2f %+10.3f%n", "autoencoder 784-...-30", ours,
        PUBLISHED_AUTOENCODER, ours - PUBLISHED_AUTOENCODER));
    table.append(String.format(Locale.ROOT, "%-28s %10.3f %10.2f %+10.3f%n", "PCA-30 (same run)", pca, PUBLISHED_PCA,
        pca - PUBLISHED_PCA));
    table.append(String.format(Locale.ROOT, "training: %d epochs, %.0f samples/s at batch %d, %.0f s%n",
        (int) m.get("train.epochs"), (double) m.get("train.samples_per_second"), batch, (double) m.get("train.seconds")));
    table.append("source: Hinton & Salakhutdinov, Science 313 (2006), MNIST: 3.00 (autoencoder), 13.87 (PCA)\n");
    run.writeText("report.md", "# hinton-mnist\n\n```\n" + table + "```\n");
    System.out.print(table);
    System.out.println("run record: " + run.root());
    return 0;
  }
}
