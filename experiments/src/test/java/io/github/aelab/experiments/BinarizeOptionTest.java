package io.github.aelab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.experiments.bind.Problem;
import io.github.aelab.experiments.spec.DataSpec;
import io.github.aelab.experiments.spec.EvaluationSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data.binarize} and {@code evaluation.iwae_samples}, the IWAE protocol's two settings:
 * what they bind to, and the located errors when they cannot apply.
 */
class BinarizeOptionTest {
  @TempDir
  Path dir;

  /** A variational autoencoder on 200 blob rows with the given data extras and evaluation. */
  static String vae(String dataExtras, String evaluation, String head) {
    return """
        name: tiny-vae
        seed: 3
        data:
          source: {type: gaussian_blobs, rows: 200, dims: 8}
        %s
        model:
          encoder:
            - {type: dense, units: 16, activation: tanh}
          code: {type: gaussian, units: 2}
          loss: bce
        %s
        training:
          optimizer: {type: adam, learning_rate: 0.01}
          epochs: 2
          batch_size: 32
        evaluation: %s
        """.formatted(dataExtras.indent(2).stripTrailing(), head, evaluation);
  }

  @Test
  void bindsDynamicBinarizationAndTheImportanceSamples() throws IOException {
    var e = load(vae("scaling: min_max\nbinarize: dynamic", "{iwae_samples: 5000}", "")).experiment();

    assertThat(e.data().binarize()).isEqualTo(DataSpec.Binarize.DYNAMIC);
    assertThat(e.evaluation().iwaeSamples()).isEqualTo(5000);
  }

  @Test
  void defaultsToNoBinarizationAndFiftySamples() throws IOException {
    var e = load(vae("scaling: min_max", "{}", "")).experiment();

    assertThat(e.data().binarize()).isEqualTo(DataSpec.Binarize.NONE);
    assertThat(e.evaluation().iwaeSamples()).isEqualTo(EvaluationSpec.DEFAULT_IWAE_SAMPLES).isEqualTo(50);
  }

  @Test
  void unscaledValuesOutsideTheUnitIntervalAreNamedWithRowAndColumn() throws IOException {
    assertThat(problems(vae("binarize: static", "{}", ""))).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("data.binarize");
      assertThat(p.location().line()).isEqualTo(5);
      assertThat(p.message()).contains("needs values in [0, 1]").contains("at row").contains("scaling: min_max");
    });
  }

  @Test
  void zScoreScalingCannotBeBinarized() throws IOException {
    assertThat(problems(vae("scaling: z_score\nbinarize: dynamic", "{}", ""))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("z_score").contains("negative values"));
  }

  @Test
  void aClustererRunRefusesBothAutoencoderOnlySettings() throws IOException {
    String clusterer = "clusterer: {type: dec, clusters: 3}";
    List<Problem> found = problems(vae("scaling: min_max\nbinarize: static", "{iwae_samples: 100}", clusterer)
        .replace("code: {type: gaussian, units: 2}", "code: {type: dense, units: 2}"));

    assertThat(found).extracting(Problem::path).contains("data.binarize", "evaluation.iwae_samples");
  }

  @Test
  void importanceSamplesMustBePositive() throws IOException {
    assertThat(problems(vae("scaling: min_max", "{iwae_samples: 0}", ""))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("iwae_samples must be >= 1"));
  }

  ExperimentLoader.Loaded load(String yaml) throws IOException {
    return new ExperimentFiles(dir).load(yaml);
  }

  List<Problem> problems(String yaml) throws IOException {
    return new ExperimentFiles(dir).problems(yaml);
  }
}
