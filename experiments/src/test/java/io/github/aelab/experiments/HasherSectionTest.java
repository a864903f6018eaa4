package io.github.aelab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.clustering.retrieval.SemanticHashing;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.experiments.bind.BuiltInComponents;
import io.github.aelab.experiments.bind.Problem;
import io.github.aelab.experiments.hasher.SemanticHashingSpec;
import io.github.aelab.experiments.spec.EvaluationSpec;
import io.github.aelab.experiments.spec.Experiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code hasher:} section: semantic hashing with its defaults, the method it builds from the
 * rest of the experiment, the {@code concat} source the hashing protocol reads MNIST with, and the
 * located errors of the sections that go with a hasher.
 */
class HasherSectionTest {
  final ExperimentLoader loader = new ExperimentLoader(BuiltInComponents.registry());
  @TempDir
  Path dir;

  /** 400 labelled rows in 4 clusters, an 8-bit sigmoid code, and the given hasher and evaluation. */
  static String experiment(String hasher, String evaluation) {
    return """
        name: tiny
        seed: 3
        data:
          source: {type: gaussian_blobs, rows: 400, dims: 10, clusters: 4}
          scaling: z_score
        model:
          encoder:
            - {type: dense, units: 16, activation: relu}
          code: {type: dense, units: 8, activation: sigmoid}
          loss: mse
        hasher: %s
        training:
          optimizer: {type: adam, learning_rate: 0.01}
          epochs: 5
          batch_size: 32
        evaluation: %s
        """.formatted(hasher, evaluation);
  }

  List<Problem> problems(String yaml) throws IOException {
    return new ExperimentFiles(dir).problems(yaml);
  }

  @Test
  void semanticHashingBindsWithThePapersNoiseAndCodesAsManyBitsAsTheCodeHasUnits() throws IOException {
    var loaded = new ExperimentFiles(dir).load(experiment("{type: semantic_hashing}",
        "{queries: 40, precision_at: 50, hashing_baselines: [lsh, pca_itq]}"));
    Experiment e = loaded.experiment();
    assertThat(e.kind()).isEqualTo(Experiment.Kind.HASHER);
    assertThat(e.hasher()).isEqualTo(new SemanticHashingSpec(SemanticHashing.PAPER_NOISE_STD));
    assertThat(e.evaluation()).isEqualTo(EvaluationSpec.hashing(List.of("lsh", "pca_itq"), 40, 50));
    assertThat(e.evaluation().baselines()).as("no PCA reconstruction baseline in a hashing run").isEmpty();

    SemanticHashing method = (SemanticHashing) e.buildHasher(loaded.data().cols());
    assertThat(method.bits()).isEqualTo(8);
    assertThat(method.autoencoder()).isEqualTo(e.model().toAutoencoder(10));
    assertThat(method.plan()).isEqualTo(e.training().plan());
    assertThat(method.noiseStd()).isEqualTo(4.0);
  }

  @Test
  void withoutQueriesTheProtocolDrawsAThousand() throws IOException {
    String yaml = experiment("{type: semantic_hashing, noise_std: 2}", "{}")
        .replace("rows: 400,", "rows: 1200,");
    Experiment e = new ExperimentFiles(dir).load(yaml.replace("evaluation: {}", "evaluation: {precision_at: 100}"))
        .experiment();
    assertThat(e.evaluation().queries()).isNull();
    assertThat(e.evaluation().effectiveQueries()).isEqualTo(1000);
    // 1,000 queries leave 200 database rows, fewer than precision_at's 1,000.
    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("evaluation.precision_at");
      assertThat(p.message()).contains("precision_at 1000 is more than the 200 database rows");
    });
  }

  /** Every section that does not go with a hasher is reported in one pass, each at its place. */
  @Test
  void sectionsThatDoNotGoWithAHashingRunAreReportedTogether() throws IOException {
    String yaml = experiment("{type: semantic_hashing}", "{queries: 40, precision_at: 50, baselines: [pca], "
        + "hashing_baselines: [lsh, pca-itq, lsh]}")
        .replace("  scaling: z_score\n", "  scaling: z_score\n  split: {test_fraction: 0.2}\n")
        + "regularizers:\n  - {type: masking_noise, fraction: 0.2}\n";
    List<Problem> problems = problems(yaml);
    assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder("evaluation.baselines",
        "evaluation.hashing_baselines[1]", "evaluation.hashing_baselines[2]", "data.split", "regularizers");
    assertThat(problems).filteredOn(p -> p.path().equals("evaluation.hashing_baselines[1]")).singleElement()
        .satisfies(p -> {
          assertThat(p.message()).contains("unknown hashing baseline 'pca-itq'");
          assertThat(p.suggestion()).isEqualTo("pca_itq");
        });
    assertThat(problems).filteredOn(p -> p.path().equals("data.split")).singleElement()
        .satisfies(p -> assertThat(p.location().line()).isEqualTo(6));
  }

  @Test
  void hashingSettingsWithoutAHasherAreReported() throws IOException {
    String yaml = experiment("{type: semantic_hashing}", "{queries: 40, precision_at: 50, hashing_baselines: [lsh]}")
        .replace("hasher: {type: semantic_hashing}\n", "");
    assertThat(problems(yaml)).extracting(Problem::path).containsExactlyInAnyOrder("evaluation.hashing_baselines",
        "evaluation.queries", "evaluation.precision_at");
  }

  @Test
  void aCodeThatCannotBeThresholdedIsReportedAtTheModelsCode() throws IOException {
    String yaml = experiment("{type: semantic_hashing}", "{queries: 40, precision_at: 50}")
        .replace("code: {type: dense, units: 8, activation: sigmoid}", "code: {type: dense, units: 8}");
    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("model.code");
      assertThat(p.location().line()).isEqualTo(9);
      assertThat(p.message()).contains("semantic hashing needs a dense sigmoid code layer");
    });
  }

  @Test
  void theQueryDrawMustLeaveADatabaseAndRowsNeedLabels() throws IOException {
    assertThat(problems(experiment("{type: semantic_hashing}", "{queries: 400, precision_at: 10}"))).singleElement()
        .satisfies(p -> {
          assertThat(p.path()).isEqualTo("evaluation.queries");
          assertThat(p.message()).contains("400 queries leave no database of the 400 rows");
        });
    String unlabelled = experiment("{type: semantic_hashing}", "{queries: 40, precision_at: 10}")
        .replace("{type: gaussian_blobs, rows: 400, dims: 10, clusters: 4}",
            "{type: synthetic_manifold, rows: 400, ambient_dims: 10}");
    assertThat(problems(unlabelled)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("data.source");
      assertThat(p.message()).contains("relevant when it has the query's label");
    });
  }

  @Test
  void aTestSourceIsTheQueriesSoQueriesBesideItIsReported() throws IOException {
    String yaml = experiment("{type: semantic_hashing}", "{queries: 40, precision_at: 50}")
        .replace("  scaling: z_score\n", "  test_source: {type: gaussian_blobs, rows: 50, dims: 10, clusters: 4}\n"
            + "  scaling: z_score\n");
    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("evaluation.queries");
      assertThat(p.message()).contains("with a data.test_source its rows are the queries");
    });
  }

  @Test
  void aHasherBesideAClustererIsReportedAtTheHasher() throws IOException {
    String yaml = experiment("{type: semantic_hashing}", "{queries: 40, precision_at: 50}")
        .replace("hasher:", "clusterer: {type: dec, clusters: 4}\nhasher:");
    assertThat(problems(yaml)).filteredOn(p -> p.path().equals("hasher")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("this file has a clusterer and a hasher"));
  }

  @Test
  void concatReadsItsSourcesAsOneSetInOrder() throws IOException {
    String yaml = experiment("{type: semantic_hashing}", "{queries: 40, precision_at: 50}")
        .replace("  source: {type: gaussian_blobs, rows: 400, dims: 10, clusters: 4}\n",
            "  source:\n    type: concat\n    sources:\n"
                + "      - {type: gaussian_blobs, rows: 300, dims: 10, clusters: 4}\n"
                + "      - {type: gaussian_blobs, rows: 100, dims: 10, clusters: 2}\n");
    Dataset data = new ExperimentFiles(dir).load(yaml).data();
    Dataset first = io.github.aelab.core.data.SyntheticData.gaussianBlobs(300, 10, 4, 1.0, 3);
    assertThat(data.rows()).isEqualTo(400);
    assertThat(data.name()).isEqualTo("blobs+blobs");
    assertThat(java.util.Arrays.copyOf(data.features(), 3000)).containsExactly(first.features());

    String mismatched = yaml.replace("{type: gaussian_blobs, rows: 100, dims: 10, clusters: 2}",
        "{type: gaussian_blobs, rows: 100, dims: 7, clusters: 2}");
    assertThat(problems(mismatched)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("data.source");
      assertThat(p.message()).contains("cannot append 'blobs' (7 columns) to 'blobs' (10 columns)");
    });
  }
}
