package io.github.aelab.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.optim.LearningRateSchedule;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.ProgressLog;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.downstream.SoftmaxRegression;
import io.github.aelab.models.regularize.Contractive;
import io.github.aelab.models.regularize.KlSparsity;
import io.github.aelab.models.regularize.MaskingNoise;
import io.github.aelab.models.regularize.Regularizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aelab bench features}: how much label information the codes of regularized autoencoders
 * carry, in the setting of Rifai et al. (2011): one hidden layer of sigmoid units (1,000 by
 * default) with tied weights and a cross-entropy reconstruction, trained without labels on the
 * 60,000 MNIST training images as a plain, a sparse (KL to a target rate), a denoising (masking
 * noise) and a contractive autoencoder. A multinomial logistic regression is then trained on each
 * one's codes of the training images and scored on the 10,000 test images, beside the same
 * classifier on the raw pixels in the same run.
 *
 * <p>Rifai et al. report test errors after fine-tuning an MLP initialized with the features (AE
 * 1.78 %, DAE 1.18 %, CAE 1.14 %); a linear classifier on frozen features is the stricter and
 * cheaper measure used here, so its numbers are higher and comparable within the run only.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = "MNIST: logistic regression on the codes of plain, sparse, denoising and contractive autoencoders vs raw pixels.")
public final class FeaturesBenchmark implements Callable<Integer> {
  static final List<String> METHODS = List.of("pixels", "autoencoder", "sparse", "denoising", "contractive");

  @Mixin
  MnistBenchOptions common;

  @Option(names = "--methods", split = ",", defaultValue = "pixels,autoencoder,sparse,denoising,contractive",
      description = "Feature sets (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--hidden", defaultValue = "1000", description = "Hidden sigmoid units (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--epochs", defaultValue = "20", description = "Autoencoder training epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch", defaultValue = "128", description = "Autoencoder batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--learning-rate", defaultValue = "1e-3", description = "Adam's base learning rate, cosine-decayed to 2%% (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--sparsity-target", defaultValue = "0.05", description = "Sparse AE: target mean activation (default: ${DEFAULT-VALUE}).")
  double sparsityTarget;

  @Option(names = "--sparsity-weight", defaultValue = "1e-3", description = "Sparse AE: weight of the summed KL (default: ${DEFAULT-VALUE}).")
  double sparsityWeight;

  @Option(names = "--masking", defaultValue = "0.25", description = "Denoising AE: fraction of pixels zeroed (default: ${DEFAULT-VALUE}).")
  double masking;

  @Option(names = "--contraction", defaultValue = "1e-4", description = "Contractive AE: weight of ||J||_F^2 (default: ${DEFAULT-VALUE}).")
  double contraction;

  @Option(names = "--classifier-epochs", defaultValue = "50", description = "Logistic regression epochs (default: ${DEFAULT-VALUE}).")
  int classifierEpochs;

  @Option(names = "--classifier-learning-rate", defaultValue = "3e-3", description = "Logistic regression: Adam's base learning rate, cosine-decayed (default: ${DEFAULT-VALUE}).")
  double classifierLearningRate;

  @Option(names = "--l2", defaultValue = "1e-4", description = "Logistic regression L2 weight (default: ${DEFAULT-VALUE}).")
  double l2;

  /** One feature set: its width, the classifier's errors, and the seconds for features plus classifier. */
  record Result(String method, int features, double trainError, double testError, double seconds) {}

  @Override
  public Integer call() throws IOException {
    for (String m : methods) {
      if (!METHODS.contains(m)) {
        throw new IllegalArgumentException("--methods: unknown feature set '" + m + "'; known: " + METHODS);
      }
    }
    long start = System.nanoTime();
    MnistData mnist = common.load();
    Dataset train = common.train(mnist);
    Dataset test = mnist.test();
    Path dir = common.outputDirectory("features");
    Path csv = dir.resolve("results.csv");
    Files.writeString(csv, "method,features,train_error,test_error,seconds\n");
    List<Result> results = new ArrayList<>();
    for (String method : methods) {
      long t = System.nanoTime();
      float[] trainFeatures;
      float[] testFeatures;
      int width;
      if (method.equals("pixels")) {
        trainFeatures = train.features();
        testFeatures = test.features();
        width = train.cols();
      } else {
        try (AutoencoderSession ae = AutoencoderSession.create(spec(), regularizers(method),
            AutoencoderSession.Plan.of(autoencoderFit()), common.seed(), common.runtime(), train.rows())) {
          ae.fit(train.features(), null, List.of(new ProgressLog(Duration.ofSeconds(30))), null);
          trainFeatures = ae.encode(train.features());
          testFeatures = ae.encode(test.features());
          width = hidden;
        }
      }
      results.add(classify(csv, method, width, trainFeatures, testFeatures, train, test, t));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String report = report(results, train.rows(), test.rows(), seconds);
    Files.writeString(dir.resolve("report.md"), report);
    writeJson(dir.resolve("summary.json"), results, train.rows(), test.rows(), seconds);
    System.out.println();
    System.out.print(report);
    System.out.println("written: " + dir.toAbsolutePath());
    return 0;
  }

  private Result classify(Path csv, String method, int width, float[] trainFeatures, float[] testFeatures,
      Dataset train, Dataset test, long startNanos) throws IOException {
    var classifier = new SoftmaxRegression(10, l2, new FitSpec(new OptimizerSpec.Adam(classifierLearningRate),
        new LearningRateSchedule.Cosine(classifierEpochs, 0.02), classifierEpochs, 256, null, null));
    try (var fitted = classifier.fit(trainFeatures, width, train.labels(), common.seed(), common.runtime())) {
      Result r = new Result(method, width, fitted.errorRate(trainFeatures, train.labels()),
          fitted.errorRate(testFeatures, test.labels()), (System.nanoTime() - startNanos) / 1e9);
      Files.writeString(csv, String.format(Locale.ROOT, "%s,%d,%.5f,%.5f,%.1f%n", r.method(), r.features(),
          r.trainError(), r.testError(), r.seconds()), StandardOpenOption.APPEND);
      System.out.printf(Locale.ROOT, "%-12s %4d features  train error %.2f %%  test error %.2f %%  (%.0f s)%n",
          r.method(), r.features(), 100 * r.trainError(), 100 * r.testError(), r.seconds());
      return r;
    }
  }

  /** One sigmoid layer with tied weights and a Bernoulli (BCE) reconstruction, as in Rifai et al. */
  AutoencoderSpec spec() {
    return AutoencoderSpec.builder(784).code(hidden, Activation.SIGMOID).tiedWeights(true)
        .loss(ReconstructionLoss.BCE).build();
  }

  List<Regularizer> regularizers(String method) {
    return switch (method) {
      case "autoencoder" -> List.of();
      case "sparse" -> List.of(new KlSparsity(sparsityTarget, sparsityWeight, "code"));
      case "denoising" -> List.of(new MaskingNoise(masking));
      case "contractive" -> List.of(new Contractive(contraction, Contractive.Estimator.CLOSED_FORM, 0.01, 1));
      default -> throw new IllegalArgumentException("not an autoencoder: " + method);
    };
  }

  private FitSpec autoencoderFit() {
    return new FitSpec(new OptimizerSpec.Adam(learningRate), new LearningRateSchedule.Cosine(epochs, 0.02), epochs,
        batch, null, null);
  }

  private String report(List<Result> results, int trainRows, int testRows, double seconds) {
    StringBuilder md = new StringBuilder();
    md.append("# Features for a linear classifier: MNIST, one-layer autoencoders (Rifai et al. 2011 setting)\n\n");
    md.append(String.format(Locale.ROOT, "Autoencoders: 784-%d sigmoid, tied weights, BCE, Adam %.2g with cosine "
        + "decay, %d epochs, batch %d, trained on %d images without labels. Classifier: multinomial logistic "
        + "regression (L2 %.0e, Adam %.2g with cosine decay, %d epochs, batch 256) on the codes of the same images; "
        + "error on the %d test images.%n%n",
        hidden, learningRate, epochs, batch, trainRows, l2, classifierLearningRate, classifierEpochs, testRows));
    md.append("| features | width | train error % | test error % | seconds |\n|---|---|---|---|---|\n");
    for (Result r : results) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.0f |%n", describe(r.method()), r.features(),
          100 * r.trainError(), 100 * r.testError(), r.seconds()));
    }
    md.append("\nPublished (Rifai et al. 2011, MLP fine-tuned from the features, not a frozen linear classifier): "
        + "AE 1.78 %, DAE 1.18 %, CAE 1.14 %.\n");
    md.append(String.format(Locale.ROOT, "%nSeed %d. Wall time: %.0f s.%n", common.seed(), seconds));
    return md.toString();
  }

  private String describe(String method) {
    return switch (method) {
      case "pixels" -> "raw pixels";
      case "autoencoder" -> "plain autoencoder";
      case "sparse" -> String.format(Locale.ROOT, "sparse (KL to %.2f, weight %.0e)", sparsityTarget, sparsityWeight);
      case "denoising" -> String.format(Locale.ROOT, "denoising (masking %.2f)", masking);
      case "contractive" -> String.format(Locale.ROOT, "contractive (weight %.0e, closed form)", contraction);
      default -> method;
    };
  }

  private void writeJson(Path file, List<Result> results, int trainRows, int testRows, double seconds)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("dataset", "mnist");
    root.put("train_rows", trainRows);
    root.put("test_rows", testRows);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("hidden", hidden);
    settings.put("epochs", epochs);
    settings.put("batch", batch);
    settings.put("learning_rate", learningRate);
    settings.put("sparsity_target", sparsityTarget);
    settings.put("sparsity_weight", sparsityWeight);
    settings.put("masking", masking);
    settings.put("contraction", contraction);
    settings.put("classifier_epochs", classifierEpochs);
    settings.put("classifier_learning_rate", classifierLearningRate);
    settings.put("l2", l2);
    settings.put("seed", common.seed());
    root.put("settings", settings);
    root.put("results", results);
    root.put("wall_seconds", seconds);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
  }
}
