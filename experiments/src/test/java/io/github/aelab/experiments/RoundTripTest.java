package io.github.aelab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.anomaly.deep.ReconstructionDetector;
import io.github.aelab.anomaly.deep.RobustDeepAutoencoder;
import io.github.aelab.core.block.BatchNormBlock;
import io.github.aelab.core.block.BlockSpec;
import io.github.aelab.core.block.Conv2DBlock;
import io.github.aelab.core.block.Conv2DTransposeBlock;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.block.DropoutBlock;
import io.github.aelab.core.block.Padding;
import io.github.aelab.core.block.ReshapeBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.Initializer;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.optim.LearningRateSchedule;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.runtime.Device;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.EarlyStopping;
import io.github.aelab.experiments.bind.BuiltInComponents;
import io.github.aelab.experiments.bind.Problems;
import io.github.aelab.experiments.bind.SpecBinder;
import io.github.aelab.experiments.clusterer.ClustererSpec;
import io.github.aelab.experiments.clusterer.DecSpec;
import io.github.aelab.experiments.clusterer.IdecSpec;
import io.github.aelab.experiments.data.CsvSource;
import io.github.aelab.experiments.data.DataSourceSpec;
import io.github.aelab.experiments.data.GaussianBlobsSource;
import io.github.aelab.experiments.data.IdxSource;
import io.github.aelab.experiments.data.NpzSource;
import io.github.aelab.experiments.data.SyntheticManifoldSource;
import io.github.aelab.experiments.detector.CodeDensitySpec;
import io.github.aelab.experiments.detector.DagmmSpec;
import io.github.aelab.experiments.detector.DeepSvddSpec;
import io.github.aelab.experiments.detector.DetectorSpec;
import io.github.aelab.experiments.detector.OcnnSpec;
import io.github.aelab.experiments.detector.RdaSpec;
import io.github.aelab.experiments.detector.ReconstructionSpec;
import io.github.aelab.experiments.spec.DataSpec;
import io.github.aelab.experiments.spec.EvaluationSpec;
import io.github.aelab.experiments.spec.Experiment;
import io.github.aelab.experiments.spec.ModelSpec;
import io.github.aelab.experiments.spec.TrainingSpec;
import io.github.aelab.experiments.yaml.YamlNode;
import io.github.aelab.experiments.yaml.YamlReader;
import io.github.aelab.models.DecoderSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property: for any valid experiment, records to YAML to records gives the same records. The
 * experiments are drawn at random (a different seed per repetition) over every component type
 * and every optional field, present and absent.
 */
class RoundTripTest {
  final SpecWriter writer = new SpecWriter(BuiltInComponents.registry());
  final SpecBinder binder = new SpecBinder(BuiltInComponents.registry())
      .withAdapter(DecoderSpec.class, io.github.aelab.experiments.bind.Adapters.decoder());

  @RepeatedTest(200)
  void yamlToRecordsToYamlIsLossless(RepetitionInfo repetition) {
    Experiment original = randomExperiment(new SplittableRandom(repetition.getCurrentRepetition()));
    String yaml = writer.toYaml(original);
    Problems problems = new Problems();
    YamlNode tree = YamlReader.parse("round-trip", yaml, problems);
    Experiment back = binder.bind(tree, Experiment.class, "", problems);
    assertThat(problems.all()).as(yaml).isEmpty();
    assertThat(back).as(yaml).isEqualTo(original);
    assertThat(writer.toYaml(back)).isEqualTo(yaml);
  }

  static Experiment randomExperiment(SplittableRandom r) {
    List<BlockSpec> encoder = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      encoder.add(randomBlock(r));
    }
    DecoderSpec decoder = r.nextBoolean() ? new DecoderSpec.Mirror() : new DecoderSpec.Explicit(List.of(randomBlock(r)));
    int head = r.nextInt(4); // none, a detector, a clusterer or a hasher: never two
    return new Experiment("exp-" + r.nextInt(1000), r.nextBoolean() ? "" : "a description: with 'quotes' and # hash",
        r.nextLong(), r.nextBoolean()
            ? new DataSpec(randomSource(r), null, new DataSpec.SplitSpec(0.05 + r.nextDouble() * 0.5, r.nextDouble() * 0.5),
            pick(r, DataSpec.Scaling.values()))
            : new DataSpec(randomSource(r), randomSource(r), new DataSpec.SplitSpec(null, r.nextDouble() * 0.5),
            pick(r, DataSpec.Scaling.values())),
        new ModelSpec(encoder, new DenseBlock.Spec(1 + r.nextInt(64), pick(r, Activation.values())), decoder,
            pick(r, ReconstructionLoss.values()), decoder instanceof DecoderSpec.Mirror && r.nextBoolean()),
        randomRegularizers(r),
        head == 1 ? randomDetector(r) : null,
        head == 2 ? randomClusterer(r) : null,
        head == 3 ? new io.github.aelab.experiments.hasher.SemanticHashingSpec(r.nextDouble() * 8) : null,
        new TrainingSpec(randomOptimizer(r), randomSchedule(r), 1 + r.nextInt(500), 1 + r.nextInt(512),
            r.nextBoolean() ? null : 0.1 + r.nextDouble() * 10,
            r.nextBoolean() ? null : new EarlyStopping(1 + r.nextInt(20), r.nextDouble() * 1e-3, r.nextBoolean()),
            r.nextBoolean() ? null : new TrainingSpec.Pretraining(1 + r.nextInt(30), randomOptimizer(r), 1 + r.nextInt(256)),
            1 + r.nextInt(50)),
        randomEvaluation(r),
        new RuntimeSettings(pick(r, Device.values()), r.nextInt(8), r.nextInt(8), r.nextBoolean(), r.nextBoolean()));
  }

  static List<io.github.aelab.models.regularize.Regularizer> randomRegularizers(SplittableRandom r) {
    List<io.github.aelab.models.regularize.Regularizer> list = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      list.add(switch (r.nextInt(8)) {
        case 6 -> new io.github.aelab.models.regularize.KlDivergence(0.1 + r.nextDouble(), r.nextInt(1000));
        case 7 -> new io.github.aelab.models.regularize.Adversarial(new io.github.aelab.models.regularize.Prior(
            pick(r, io.github.aelab.models.regularize.Prior.Kind.values()), 0.1 + r.nextDouble(), 1 + r.nextInt(20),
            r.nextDouble() * 5, 1 + r.nextInt(5), 0.5 + r.nextDouble()), List.of(1 + r.nextInt(64)), randomOptimizer(r),
            randomOptimizer(r));
        case 0 -> new io.github.aelab.models.regularize.MaskingNoise(0.01 + r.nextDouble() * 0.9);
        case 1 -> new io.github.aelab.models.regularize.GaussianNoise(0.01 + r.nextDouble(), r.nextBoolean() ? null : -1.0,
            r.nextBoolean() ? null : 2.0);
        case 2 -> new io.github.aelab.models.regularize.SaltAndPepperNoise(0.01 + r.nextDouble() * 0.9, 0, 1);
        case 3 -> new io.github.aelab.models.regularize.L1Sparsity(0.001 + r.nextDouble(), r.nextBoolean() ? "code" : "encoder[0]");
        case 4 -> new io.github.aelab.models.regularize.KlSparsity(0.01 + r.nextDouble() * 0.9, 0.1 + r.nextDouble(), "code");
        default -> new io.github.aelab.models.regularize.Contractive(0.01 + r.nextDouble(),
            pick(r, io.github.aelab.models.regularize.Contractive.Estimator.values()), 0.001 + r.nextDouble(), 1 + r.nextInt(3));
      });
    }
    return list;
  }

  static DetectorSpec randomDetector(SplittableRandom r) {
    return switch (r.nextInt(7)) {
      case 0 -> r.nextBoolean() ? new ReconstructionSpec(ReconstructionDetector.Score.RECONSTRUCTION_ERROR, null)
          : new ReconstructionSpec(ReconstructionDetector.Score.NEGATIVE_ELBO, r.nextBoolean() ? null : 1 + r.nextInt(50));
      case 1 -> new CodeDensitySpec(pick(r, new String[] {"centroid", "parzen", "gmm"}));
      case 2 -> new DagmmSpec(r.nextBoolean() ? List.of() : List.of(1 + r.nextInt(20), 1 + r.nextInt(20)),
          pick(r, Activation.values()), r.nextDouble() * 0.9, 1 + r.nextInt(8), r.nextDouble(), r.nextDouble() * 0.01,
          1e-9 + r.nextDouble() * 1e-3);
      case 3 -> new OcnnSpec(1 + r.nextInt(64), pick(r, Activation.values()), 0.01 + r.nextDouble() * 0.9);
      case 4 -> new DeepSvddSpec(r.nextDouble() * 1e-3);
      default -> new RdaSpec(pick(r, RobustDeepAutoencoder.Norm.values()), 0.1 + r.nextDouble() * 5, 1 + r.nextInt(10));
    };
  }

  static ClustererSpec randomClusterer(SplittableRandom r) {
    int clusters = 2 + r.nextInt(20);
    double alpha = 0.1 + r.nextDouble() * 5;
    boolean bySteps = r.nextBoolean();
    int perRefresh = bySteps ? 1 : 1 + r.nextInt(5);
    int steps = bySteps ? 1 + r.nextInt(200) : 0;
    int refreshes = 1 + r.nextInt(300);
    double tolerance = r.nextDouble() * 0.1;
    int restarts = 1 + r.nextInt(30);
    OptimizerSpec optimizer = randomOptimizer(r);
    int batch = 1 + r.nextInt(512);
    if (r.nextInt(3) == 0) {
      return new io.github.aelab.experiments.clusterer.SubspaceSpec(clusters, 0.01 + r.nextDouble(),
          0.01 + r.nextDouble(), 1 + r.nextInt(500), optimizer, restarts);
    }
    Path pretrained = r.nextBoolean() ? null : Path.of("runs/dec-" + r.nextInt(100) + "/pretrained_autoencoder.npz");
    return r.nextBoolean()
        ? new DecSpec(clusters, alpha, perRefresh, steps, refreshes, tolerance, restarts, optimizer, batch, pretrained)
        : new IdecSpec(clusters, alpha, perRefresh, steps, refreshes, tolerance, restarts, optimizer, batch,
            0.001 + r.nextDouble(), pretrained);
  }

  static EvaluationSpec randomEvaluation(SplittableRandom r) {
    List<EvaluationSpec.Baseline> pca = r.nextBoolean() ? List.of() : List.of(EvaluationSpec.Baseline.PCA);
    EvaluationSpec.AnomalyProtocol protocol = r.nextBoolean() ? null : pick(r, EvaluationSpec.AnomalyProtocol.values());
    Integer digit = protocol == EvaluationSpec.AnomalyProtocol.ONE_CLASS_MNIST ? r.nextInt(10) : null;
    return new EvaluationSpec(pca, protocol, digit, r.nextBoolean() ? List.of() : List.of("iforest", "knn"),
        r.nextBoolean() ? List.of() : List.of("kmeans", "ae_kmeans"), 1 + r.nextInt(5000),
        r.nextBoolean() ? List.of() : List.of("lsh", "pca_itq"), r.nextBoolean() ? null : 1 + r.nextInt(5000),
        1 + r.nextInt(5000));
  }

  static BlockSpec randomBlock(SplittableRandom r) {
    return switch (r.nextInt(7)) {
      case 0 -> new DenseBlock.Spec(1 + r.nextInt(1000), pick(r, Activation.values()),
          r.nextBoolean() ? null : pick(r, Initializer.values()), r.nextBoolean());
      case 1 -> new Conv2DBlock.Spec(1 + r.nextInt(64), 1 + r.nextInt(5), 1 + r.nextInt(3), pick(r, Padding.values()),
          pick(r, Activation.values()), null);
      case 2 -> new Conv2DTransposeBlock.Spec(1 + r.nextInt(64), 1 + r.nextInt(5), 1 + r.nextInt(3),
          pick(r, Padding.values()), pick(r, Activation.values()), pick(r, Initializer.values()),
          r.nextBoolean() ? null : new int[] {1 + r.nextInt(30), 1 + r.nextInt(30)});
      case 3 -> new ReshapeBlock.Spec(new long[] {1 + r.nextInt(30), 1 + r.nextInt(30), 1 + r.nextInt(3)});
      case 4 -> new ReshapeBlock.FlattenSpec();
      case 5 -> new DropoutBlock.Spec(r.nextDouble() * 0.9);
      default -> new BatchNormBlock.Spec(r.nextDouble() * 0.99, 1e-5 + r.nextDouble());
    };
  }

  static DataSourceSpec randomSource(SplittableRandom r) {
    return switch (r.nextInt(7)) {
      case 6 -> new io.github.aelab.experiments.data.UnionOfSubspacesSource(2 + r.nextInt(30), 1 + r.nextInt(2),
          1 + r.nextInt(5), 1 + r.nextInt(100), r.nextDouble());
      case 5 -> new io.github.aelab.experiments.data.ConcatSource(List.of(
          new IdxSource(Path.of("train-images.gz"), Path.of("train-labels.gz"), 0),
          new GaussianBlobsSource(1 + r.nextInt(50), 0, 1 + r.nextInt(5), 1 + r.nextInt(3), 1.0)), r.nextInt(100));
      case 0 -> new SyntheticManifoldSource(2 + r.nextInt(5000), 2 + r.nextInt(50), 1, r.nextDouble());
      case 1 -> new GaussianBlobsSource(1 + r.nextInt(5000), r.nextInt(100), 1 + r.nextInt(50), 1 + r.nextInt(10),
          0.1 + r.nextDouble());
      case 2 -> new IdxSource(Path.of("data/images-" + r.nextInt(9) + ".gz"), r.nextBoolean() ? null : Path.of("l.gz"),
          r.nextInt(100));
      case 3 -> new CsvSource(Path.of("rows.csv"), r.nextBoolean(), r.nextBoolean() ? null : "label",
          r.nextBoolean() ? "," : ";");
      default -> r.nextBoolean() ? new NpzSource(Path.of("/abs/x.npz"), "X", r.nextBoolean() ? null : "y")
          : r.nextBoolean() ? new NpzSource(Path.of("kdd.npz"), "kdd", r.nextBoolean() ? null : "y", true)
          : new NpzSource(Path.of("usps.npz"), "X_train", "y_train", false, "X_test", "y_test");
    };
  }

  static OptimizerSpec randomOptimizer(SplittableRandom r) {
    return switch (r.nextInt(3)) {
      case 0 -> new OptimizerSpec.Adam(1e-5 + r.nextDouble(), r.nextDouble() * 0.99, r.nextDouble() * 0.999, 1e-8 + r.nextDouble());
      case 1 -> {
        double momentum = r.nextBoolean() ? 0 : r.nextDouble() * 0.99;
        yield new OptimizerSpec.Sgd(1e-4 + r.nextDouble(), momentum, momentum > 0 && r.nextBoolean());
      }
      default -> new OptimizerSpec.RmsProp(1e-4 + r.nextDouble(), r.nextDouble() * 0.99, r.nextDouble() * 0.9, 1e-7);
    };
  }

  static LearningRateSchedule randomSchedule(SplittableRandom r) {
    return switch (r.nextInt(3)) {
      case 0 -> new LearningRateSchedule.Constant();
      case 1 -> new LearningRateSchedule.StepDecay(1 + r.nextInt(50), 0.01 + r.nextDouble() * 0.99);
      default -> new LearningRateSchedule.Cosine(1 + r.nextInt(300), r.nextDouble());
    };
  }

  static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
