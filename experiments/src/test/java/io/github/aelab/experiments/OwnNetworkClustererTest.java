package io.github.aelab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.clustering.latent.AdversarialClustering;
import io.github.aelab.clustering.latent.CategoricalKl;
import io.github.aelab.clustering.latent.Gmvae;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.experiments.bind.Problem;
import io.github.aelab.experiments.clusterer.AaeClusteringSpec;
import io.github.aelab.experiments.clusterer.GmvaeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clusterers that build their own networks from the model's widths, {@code gmvae} and
 * {@code aae}: what they bind and build, and the parts of an experiment they refuse rather than
 * ignore.
 */
class OwnNetworkClustererTest {
  @TempDir
  Path dir;

  static String experiment(String code, String clusterer, String extra) {
    return """
        name: tiny
        seed: 3
        data:
          source: {type: gaussian_blobs, rows: 300, dims: 8, clusters: 3}
          scaling: z_score
        model:
          encoder:
            - {type: dense, units: 16, activation: relu}
          code: %s
        clusterer: %s
        training:
          optimizer: {type: adam, learning_rate: 0.01}
          epochs: 5
          batch_size: 32
        %s
        """.formatted(code, clusterer, extra);
  }

  @Test
  void gmvaeTakesTheEncoderWidthsTheGaussianCodeAndTheFit() throws IOException {
    var loaded = load(experiment("{type: gaussian, units: 2}", "{type: gmvae, clusters: 3}", ""));

    assertThat(loaded.experiment().clusterer()).isEqualTo(new GmvaeSpec(3, null, 5.0, 0, 1));
    var built = (Gmvae) loaded.experiment().buildClusterer(8);
    assertThat(built.hidden()).containsExactly(16);
    assertThat(built.codeWidth()).isEqualTo(2);
    assertThat(built.likelihood()).isEqualTo(ReconstructionLoss.MSE);
    assertThat(built.categorical()).isEqualTo(new CategoricalKl(Math.log(3), 5.0));
    assertThat(built.fit().epochs()).isEqualTo(5);
    assertThat(built.fit().batchSize()).isEqualTo(32);
  }

  @Test
  void aaeTakesTheLinearCodeAsItsStyleAndBindsItsDiscriminators() throws IOException {
    var loaded = load(experiment("{type: dense, units: 2}", "{type: aae, clusters: 3, discriminator_hidden: [32]}", ""));

    assertThat(loaded.experiment().clusterer()).isEqualTo(new AaeClusteringSpec(3, List.of(32),
        new OptimizerSpec.Adam(5e-4), new OptimizerSpec.Adam(5e-4), 1, 0));
    var built = (AdversarialClustering) loaded.experiment().buildClusterer(8);
    assertThat(built.hidden()).containsExactly(16);
    assertThat(built.styleWidth()).isEqualTo(2);
    assertThat(built.discriminatorHidden()).containsExactly(32);
  }

  @Test
  void whatTheirOwnNetworksWouldIgnoreIsRefusedByField() throws IOException {
    assertThat(problems(experiment("{type: dense, units: 2}", "{type: gmvae, clusters: 3}", "")))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("model.code").contains("gaussian"));
    assertThat(problems(experiment("{type: gaussian, units: 2}", "{type: gmvae, clusters: 3}", "")
        .replace("activation: relu", "activation: tanh")))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("model.encoder[0]").contains("tanh"));
    assertThat(problems(experiment("{type: dense, units: 2}", "{type: aae, clusters: 3}",
        "regularizers:\n  - {type: masking_noise, fraction: 0.2}\n")))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("regularizers").contains("aae"));
  }

  ExperimentLoader.Loaded load(String yaml) throws IOException {
    return new ExperimentFiles(dir).load(yaml);
  }

  List<Problem> problems(String yaml) throws IOException {
    return new ExperimentFiles(dir).problems(yaml);
  }
}
