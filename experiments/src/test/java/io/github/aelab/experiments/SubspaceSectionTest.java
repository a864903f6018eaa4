package io.github.aelab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.clustering.subspace.SubspaceClustering;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.experiments.bind.Problem;
import io.github.aelab.experiments.clusterer.SubspaceSpec;
import io.github.aelab.experiments.spec.Experiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterer: {type: deep_subspace}}: the subspace clustering it builds from the experiment,
 * the generated union of subspaces it is meant for, and the located errors of what does not fit.
 */
class SubspaceSectionTest {
  @TempDir
  Path dir;

  static String experiment(String source, String clusterer, String extra) {
    return """
        name: planes
        seed: 7
        data:
          source: %s
        model:
          encoder:
            - {type: dense, units: 32, activation: tanh}
          code: {type: dense, units: 10}
        clusterer: %s
        training:
          optimizer: {type: adam, learning_rate: 0.003}
          epochs: 20
          batch_size: 32
        %s""".formatted(source, clusterer, extra);
  }

  static final String PLANES = "{type: union_of_subspaces, ambient_dims: 20, subspace_dims: 2, subspaces: 3, "
      + "rows_per_subspace: 80}";

  @Test
  void deepSubspacePretrainsWithTrainingAndTrainsJointlyWithItsOwnOptimizer() throws IOException {
    var loaded = new ExperimentFiles(dir).load(experiment(PLANES, "{type: deep_subspace, clusters: 3}", ""));
    Experiment e = loaded.experiment();
    assertThat(e.clusterer()).isEqualTo(new SubspaceSpec(3, 1.0, 1.0, 300, new OptimizerSpec.Adam(0.01), 10));
    assertThat(loaded.data().rows()).isEqualTo(240);
    assertThat(loaded.data().labelCounts()).containsValues(80, 80, 80);

    SubspaceClustering c = (SubspaceClustering) e.buildClusterer(20);
    assertThat(c.autoencoder()).isEqualTo(e.model().toAutoencoder(20));
    assertThat(c.pretraining()).isEqualTo(e.training().plan().fit());
    assertThat(c.joint()).isEqualTo(new FitSpec(new OptimizerSpec.Adam(0.01), null, 300, 1, null, null));
    assertThat(List.of(c.clusters(), c.kmeansRestarts())).containsExactly(3, 10);
  }

  @Test
  void whatDeepSubspaceCannotTakeIsReportedAtItsPlace() throws IOException {
    List<Problem> regularized = new ExperimentFiles(dir).problems(experiment(PLANES,
        "{type: deep_subspace, clusters: 3}", "regularizers:\n  - {type: masking_noise, fraction: 0.2}\n"));
    assertThat(regularized).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("clusterer");
      assertThat(p.message()).contains("regularizers do not apply to it");
    });
    List<Problem> tooMany = new ExperimentFiles(dir).problems(experiment(
        "{type: gaussian_blobs, rows: 2500, dims: 20, clusters: 3}", "{type: deep_subspace, clusters: 3}", ""));
    assertThat(tooMany).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("data.source");
      assertThat(p.location().line()).isEqualTo(4);
      assertThat(p.message()).contains("takes at most 2000 rows; 'blobs' has 2500");
    });
    assertThat(new ExperimentFiles(dir).problems(experiment(PLANES.replace("subspace_dims: 2", "subspace_dims: 30"),
        "{type: deep_subspace, clusters: 3}", ""))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("subspace_dims 30 is more than ambient_dims 20"));
  }
}
