package io.github.aelab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.optim.LearningRateSchedule;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.EarlyStopping;
import io.github.aelab.experiments.bind.BuiltInComponents;
import io.github.aelab.experiments.bind.InvalidSpecException;
import io.github.aelab.experiments.data.SyntheticManifoldSource;
import io.github.aelab.experiments.spec.DataSpec;
import io.github.aelab.experiments.spec.EvaluationSpec;
import io.github.aelab.experiments.spec.Experiment;
import io.github.aelab.experiments.spec.ModelSpec;
import io.github.aelab.experiments.spec.TrainingSpec;
import io.github.aelab.models.DecoderSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExperimentLoaderTest {
  static final Path EXAMPLES = Path.of("examples");
  final ExperimentLoader loader = new ExperimentLoader(BuiltInComponents.registry());

  /** The quickstart file means exactly these records: the same ones the Java builder makes. */
  @Test
  void quickstartBindsToTheExpectedRecords() {
    Experiment e = loader.load(EXAMPLES.resolve("quickstart.yaml"), List.of()).experiment();
    Experiment expected = new Experiment("quickstart", "1-unit-code deep autoencoder vs PCA-1 on a curve in 20-D", 42,
        new DataSpec(new SyntheticManifoldSource(2000, 20, 1, 0.02), null, new DataSpec.SplitSpec(0.2, 0.1),
            DataSpec.Scaling.Z_SCORE),
        new ModelSpec(List.of(new DenseBlock.Spec(64, Activation.TANH), new DenseBlock.Spec(32, Activation.TANH)),
            new DenseBlock.Spec(1, Activation.LINEAR), new DecoderSpec.Mirror(), ReconstructionLoss.MSE, false),
        List.of(),
        null,
        null,
        null,
        new TrainingSpec(new OptimizerSpec.Adam(0.003), new LearningRateSchedule.Cosine(300, 0.05), 300, 64, null,
            new EarlyStopping(40, 0, true), null, 10),
        new EvaluationSpec(List.of(EvaluationSpec.Baseline.PCA)),
        new RuntimeSettings(io.github.aelab.core.runtime.Device.CPU, 0, 0, false, false));
    assertThat(e).isEqualTo(expected);
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  /** Every shipped example validates (those reading MNIST need the shared data beside the checkout). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyShippedExampleIsValid(Path file) throws IOException {
    String text = withBases(file); // idec-fashion-mnist.yaml reads Fashion-MNIST through its base
    if (text.contains("mnist/")) {
      assumeTrue(Files.isDirectory(Path.of("../../shared/data/mnist")) || System.getenv("AELAB_DATA") != null,
          "MNIST is not available here");
    }
    if (text.contains("env:FASHION_MNIST")) {
      assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")) || System.getenv("FASHION_MNIST") != null,
          "Fashion-MNIST is not installed here (apt install dataset-fashion-mnist)");
    }
    if (text.contains("\nsweep:")) {
      assertThat(Sweep.trials(loader, file, List.of())).isNotEmpty()
          .allSatisfy(t -> assertThat(t.loaded().data().rows()).isPositive());
      return;
    }
    var loaded = loader.load(file, List.of());
    assertThat(loaded.data().rows()).isPositive();
  }

  /** The file's text and its bases' ({@code extends}), where the data it reads may be named. */
  private static String withBases(Path file) throws IOException {
    String text = Files.readString(file);
    var base = java.util.regex.Pattern.compile("(?m)^extends:\\s*(\\S+)").matcher(text);
    return base.find() ? text + "\n" + withBases(file.resolveSibling(base.group(1))) : text;
  }

  @Test
  void extendsInheritsAndOverrides() {
    Experiment e = loader.load(EXAMPLES.resolve("stacked-pretraining.yaml"), List.of()).experiment();
    assertThat(e.name()).isEqualTo("stacked-pretraining");
    assertThat(e.seed()).isEqualTo(42); // inherited
    assertThat(e.model().encoder()).extracting(b -> ((DenseBlock.Spec) b).activation()).containsOnly(Activation.SIGMOID);
    assertThat(e.training().pretraining().epochs()).isEqualTo(20);
    assertThat(e.training().batchSize()).isEqualTo(64); // inherited inside a merged section
  }

  /** A child section of another {@code type} is another component: it replaces the base's, keys and all. */
  @Test
  void extendsReplacesASectionOfAnotherTypeWhole() {
    Experiment idec = loader.load(EXAMPLES.resolve("idec-mnist.yaml"), List.of()).experiment();
    // dec-mnist.yaml clusters with SGD 0.01 / momentum 0.9; the child's Adam takes none of it.
    assertThat(((io.github.aelab.experiments.clusterer.IdecSpec) idec.clusterer()).optimizer())
        .isEqualTo(new io.github.aelab.core.optim.OptimizerSpec.Adam(0.001));
    Experiment dec = loader.load(EXAMPLES.resolve("dec-mnist.yaml"), List.of()).experiment();
    assertThat(idec.training()).isEqualTo(dec.training()); // same type: merged key by key
  }

  @Test
  void setOverridesAnyKeyAndIsValidatedLikeTheFile() {
    Experiment e = loader.load(EXAMPLES.resolve("quickstart.yaml"),
        List.of("training.epochs=7", "model.encoder[1].units=8", "runtime.deterministic=true")).experiment();
    assertThat(e.training().epochs()).isEqualTo(7);
    assertThat(((DenseBlock.Spec) e.model().encoder().get(1)).units()).isEqualTo(8);
    assertThat(e.runtime().deterministic()).isTrue();
    assertThatThrownBy(() -> loader.load(EXAMPLES.resolve("quickstart.yaml"), List.of("training.epochz=7")))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("Did you mean 'epochs'?");
    assertThatThrownBy(() -> loader.load(EXAMPLES.resolve("quickstart.yaml"), List.of("model.encoder[5].units=8")))
        .hasMessageContaining("index [5] does not exist (the list has 2 items)");
  }

  @Test
  void environmentInterpolationWithDefaults(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("rows.csv");
    StringBuilder rows = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 100; i++) {
      rows.append(i % 7).append(',').append(i % 5).append(',').append(i % 3).append('\n');
    }
    Files.writeString(csv, rows);
    Path f = dir.resolve("csv.yaml");
    Files.writeString(f, """
        name: from-csv
        data:
          source: {type: csv, path: "${env:AELAB_TEST_SURELY_UNSET:-%s}"}
        model:
          code: {type: dense, units: 1}
        training:
          epochs: 1
          batch_size: 8
        """.formatted(csv.toString()));
    var loaded = loader.load(f, List.of());
    assertThat(loaded.data().cols()).isEqualTo(3);
    assertThat(loaded.data().rows()).isEqualTo(100);
  }
}
