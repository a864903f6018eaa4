package io.github.aelab.clustering.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.clustering.metric.HungarianAccuracy;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.NpyArray;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.data.ZScoreScaler;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.stats.Rows;
import io.github.aelab.core.stats.SquaredDistances;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class DecTest {

  /**
   * Codes 0, 1, 3 on a line, centres 0 and 2, α = 1, so the kernel is 1 / (1 + d²):
   * row 0: (1, 1/5) → q = (5/6, 1/6); row 1: (1/2, 1/2) → (1/2, 1/2); row 2: (1/10, 1/2) → (1/6, 5/6).
   * Cluster frequencies f = (3/2, 3/2), so p ∝ q²: row 0 → (25/26, 1/26), row 1 stays (1/2, 1/2).
   */
  @Test
  void softAssignmentAndTargetMatchAHandComputation() {
    double[][] q = StudentT.softAssignments(new float[] {0, 1, 3}, new double[][] {{0}, {2}}, 1.0);
    assertThat(q[0][0]).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(q[1][1]).isCloseTo(0.5, within(1e-12));
    assertThat(q[2][1]).isCloseTo(5.0 / 6, within(1e-12));
    double[][] p = StudentT.targetDistribution(q);
    assertThat(p[0][0]).isCloseTo(25.0 / 26, within(1e-12));
    assertThat(p[1][0]).isCloseTo(0.5, within(1e-12));
    assertThat(p[2][1]).isCloseTo(25.0 / 26, within(1e-12));
  }

  @Test
  void theGraphsSoftAssignmentMatchesTheReference() {
    SplittableRandom random = new SplittableRandom(5);
    float[][] z = new float[20][3];
    float[] flat = new float[60];
    double[][] centres = new double[4][3];
    float[][] centresF = new float[4][3];
    for (int i = 0; i < 60; i++) {
      z[i / 3][i % 3] = flat[i] = (float) random.nextGaussian();
    }
    for (int j = 0; j < 12; j++) {
      centresF[j / 3][j % 3] = (float) (centres[j / 3][j % 3] = random.nextGaussian());
    }
    double[][] expected = StudentT.softAssignments(flat, centres, 0.7);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var q = Dec.softAssignments(tf, tf.constant(z), tf.constant(centresF), 0.7);
      try (Result r = s.runner().fetch(q).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        for (int i = 0; i < 20; i++) {
          for (int j = 0; j < 4; j++) {
            assertThat((double) t.getFloat(i, j)).isCloseTo(expected[i][j], within(1e-5));
          }
        }
      }
    }
  }

  @Test
  void decAndIdecRecoverWellSeparatedClustersIn50Dimensions() {
    Dataset blobs = SyntheticData.gaussianBlobs(1000, 50, 5, 1.0, 3);
    Dataset data = ZScoreScaler.fit(blobs).transform(blobs);
    AutoencoderSpec ae = AutoencoderSpec.builder(50).hidden(Activation.RELU, 32).code(5, Activation.LINEAR).build();
    for (Dec.Objective objective : List.of(Dec.Objective.DEC, Dec.Objective.idec(0.1))) {
      Dec dec = new Dec(ae, List.of(), AutoencoderSession.Plan.of(FitSpec.adam(3e-3, 15, 64)), 5, 1.0, objective,
          FitSpec.adam(1e-3, 1, 64), 1, 0, 10, 0.001, 5, RuntimeSettings.defaults());
      try (FittedClusterer fitted = dec.fit(data, 3)) {
        assertThat(HungarianAccuracy.of(blobs.labels(), fitted.trainingAssignments()))
            .as(dec.name()).isGreaterThanOrEqualTo(0.95);
        double[][] soft = fitted.softAssignments(data.head(5));
        for (double[] row : soft) {
          assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-5));
        }
      }
    }
  }

  /** The paper's schedule: the target refreshed every T = 5 steps of 64 rows, not every epoch. */
  @Test
  void decRefreshingEveryFewStepsRecoversWellSeparatedClusters() {
    Dataset blobs = SyntheticData.gaussianBlobs(1000, 50, 5, 1.0, 3);
    Dataset data = ZScoreScaler.fit(blobs).transform(blobs);
    AutoencoderSpec ae = AutoencoderSpec.builder(50).hidden(Activation.RELU, 32).code(5, Activation.LINEAR).build();
    Dec dec = new Dec(ae, List.of(), AutoencoderSession.Plan.of(FitSpec.adam(3e-3, 15, 64)), 5, 1.0, Dec.Objective.DEC,
        FitSpec.adam(1e-3, 1, 64), 1, 5, 30, 0.001, 5, RuntimeSettings.defaults());
    try (Dec.Fitted fitted = dec.fit(data, 3)) {
      assertThat(HungarianAccuracy.of(blobs.labels(), fitted.trainingAssignments())).isGreaterThanOrEqualTo(0.95);
      assertThat(fitted.refreshes()).isBetween(1, 30);
    }
  }

  @Test
  void stepsAndEpochsBetweenRefreshesExcludeEachOther() {
    AutoencoderSpec ae = AutoencoderSpec.builder(4).hidden(Activation.RELU, 3).code(2, Activation.LINEAR).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Dec(ae, List.of(),
        AutoencoderSession.Plan.of(FitSpec.adam(3e-3, 1, 8)), 2, 1.0, Dec.Objective.DEC, FitSpec.adam(1e-3, 1, 8),
        2, 30, 10, 0.001, 1, RuntimeSettings.defaults())).hasMessageContaining("not both");
  }

  /** Windows of T batches walk one seeded order of the rows and wrap around: every row equally often. */
  @Test
  void stepWindowsVisitEveryRowEquallyOften() {
    StepWindows windows = new StepWindows(10, 4, 1);
    int[] visits = new int[10];
    for (int w = 0; w < 5; w++) { // 20 rows in all: twice round
      for (int row : windows.next()) {
        visits[row]++;
      }
    }
    assertThat(visits).containsOnly(2);
    assertThat(StepWindows.gather(new float[] {0, 1, 10, 11, 20, 21}, 2, new int[] {2, 0}))
        .containsExactly(20, 21, 0, 1);
  }

  @Test
  void idecStartsFromDecsPretrainedAutoencoderWithoutPretrainingAgain() {
    Dataset blobs = SyntheticData.gaussianBlobs(400, 20, 4, 1.0, 8);
    Dataset data = ZScoreScaler.fit(blobs).transform(blobs);
    AutoencoderSpec ae = AutoencoderSpec.builder(20).hidden(Activation.RELU, 16).code(4, Activation.LINEAR).build();
    Dec dec = new Dec(ae, List.of(), AutoencoderSession.Plan.of(FitSpec.adam(3e-3, 10, 64)), 4, 1.0, Dec.Objective.DEC,
        FitSpec.adam(1e-3, 1, 64), 1, 0, 3, 0.001, 3, RuntimeSettings.reproducible());
    Dec idec = new Dec(ae, List.of(), AutoencoderSession.Plan.of(FitSpec.adam(3e-3, 10, 64)), 4, 1.0,
        Dec.Objective.idec(0.1), FitSpec.adam(1e-3, 1, 64), 1, 0, 3, 0.001, 3, RuntimeSettings.reproducible());
    try (Dec.Fitted first = dec.fit(data, 8);
        Dec.Fitted second = idec.fit(data, 8, first.pretrainedWeights())) {
      // Same codes, same k-means seed: the same starting clusters, so DEC and IDEC differ only by the fine-tuning.
      assertThat(second.kmeansAssignments()).isEqualTo(first.kmeansAssignments());
      assertThat(second.pretrainedWeights()).isEqualTo(first.pretrainedWeights());
    }
  }

  @Test
  void savedPretrainingStartsALaterFitAsTheInMemoryWeightsDo(@TempDir Path dir) {
    Dataset blobs = SyntheticData.gaussianBlobs(400, 20, 4, 1.0, 8);
    Dataset data = ZScoreScaler.fit(blobs).transform(blobs);
    List<AutoencoderWeights> handed = new ArrayList<>();
    Path file = dir.resolve("pretrained_autoencoder.npz");
    try (Dec.Fitted first = smallDec(16, Dec.Objective.DEC).fit(data, 8, null, List.of(), w -> {
      handed.add(w);
      w.save(file);
    })) {
      // Handed over once, before clustering, and exactly what the fit reports.
      assertThat(handed).containsExactly(first.pretrainedWeights());
      AutoencoderWeights loaded = AutoencoderWeights.load(file);
      assertThat(loaded).isEqualTo(first.pretrainedWeights());
      assertThat(loaded.variables().keySet()).contains("encoder/0_dense/kernel", "encoder_2/code/kernel");
      try (Dec.Fitted idec = smallDec(16, Dec.Objective.idec(0.1)).fit(data, 8, loaded)) {
        assertThat(idec.kmeansAssignments()).isEqualTo(first.kmeansAssignments());
      }
    }
  }

  @Test
  void weightsOfAnotherNetworkAreRefusedNamingEachMisfit() {
    Dataset blobs = SyntheticData.gaussianBlobs(200, 20, 4, 1.0, 8);
    Dataset data = ZScoreScaler.fit(blobs).transform(blobs);
    AutoencoderWeights wider;
    try (Dec.Fitted first = smallDec(16, Dec.Objective.DEC).fit(data, 8)) {
      wider = first.pretrainedWeights();
    }
    Map<String, NpyArray> extra = new LinkedHashMap<>(wider.variables());
    extra.put("encoder/dense_9/kernel", new NpyArray("<f4", new int[] {1}, new float[] {0}, null));

    assertThatThrownBy(() -> smallDec(12, Dec.Objective.DEC).fit(data, 8, wider).close())
        .isInstanceOf(IncompatibleWeightsException.class)
        .hasMessageContaining("'encoder/0_dense/kernel' has shape [20, 16], this autoencoder's is [20, 12]");
    assertThatThrownBy(() -> smallDec(16, Dec.Objective.DEC).fit(data, 8, new AutoencoderWeights(extra)).close())
        .isInstanceOf(IncompatibleWeightsException.class)
        .hasMessageContaining("this autoencoder has no variable [encoder/dense_9/kernel]");
  }

  /**
   * What IDEC's reconstruction term is for (Guo et al. 2017): it preserves the codes' local
   * structure, which DEC's clustering loss alone distorts by pulling every row towards a centre.
   * From one pretraining, each row's nearest neighbours among the pretrained codes stay its
   * neighbours among the fine-tuned codes more often under IDEC than under DEC.
   */
  @Test
  void idecsReconstructionLossPreservesTheCodesLocalStructure() {
    Dataset blobs = SyntheticData.gaussianBlobs(400, 20, 4, 2.5, 8); // overlapping: the clustering loss pulls hard
    Dataset data = ZScoreScaler.fit(blobs).transform(blobs);
    AutoencoderSpec ae = AutoencoderSpec.builder(20).hidden(Activation.RELU, 16).code(4, Activation.LINEAR).build();
    // Pretrained to convergence, so that reconstruction alone would leave the codes where they are.
    Dec pretraining = new Dec(ae, List.of(), AutoencoderSession.Plan.of(FitSpec.adam(3e-3, 60, 64)), 4, 1.0,
        Dec.Objective.DEC, FitSpec.adam(1e-3, 1, 64), 1, 0, 1, 0.001, 3, RuntimeSettings.reproducible());
    AutoencoderWeights pretrained;
    try (Dec.Fitted first = pretraining.fit(data, 8)) {
      pretrained = first.pretrainedWeights();
    }
    double dec = neighboursKept(Dec.Objective.DEC, data, pretrained);
    double idec = neighboursKept(Dec.Objective.idec(0.1), data, pretrained);
    // Measured: DEC keeps 0.55 of the neighbours, IDEC 0.85.
    assertThat(idec).isGreaterThan(dec + 0.2);
  }

  @Test
  void idecWeighsTheClusteringLossByGammaAndTheReconstructionByOne() {
    assertThat(Dec.Objective.idec(0.1)).isEqualTo(new Dec.Objective(0.1, 1));
    assertThat(Dec.Objective.DEC).isEqualTo(new Dec.Objective(1, 0));
    assertThatThrownBy(() -> Dec.Objective.idec(0)).hasMessageContaining("clustering loss's weight must be > 0");
    assertThatThrownBy(() -> new Dec.Objective(1, -1)).hasMessageContaining("reconstruction loss's weight must be >= 0");
    assertThat(smallDec(16, Dec.Objective.DEC).name()).isEqualTo("dec");
    assertThat(smallDec(16, new Dec.Objective(0.5, 0.2)).name()).isEqualTo("idec");
  }

  /** The share of each row's 10 nearest pretrained codes that are among its 10 nearest fine-tuned codes. */
  private static double neighboursKept(Dec.Objective objective, Dataset data, AutoencoderWeights pretrained) {
    AutoencoderSpec ae = AutoencoderSpec.builder(20).hidden(Activation.RELU, 16).code(4, Activation.LINEAR).build();
    Dec dec = new Dec(ae, List.of(), AutoencoderSession.Plan.of(FitSpec.adam(3e-3, 10, 64)), 4, 1.0, objective,
        FitSpec.adam(1e-3, 5, 64), 5, 0, 4, 0.0, 3, RuntimeSettings.reproducible());
    try (Dec.Fitted fitted = dec.fit(data, 8, pretrained)) {
      int[][] before = nearest(fitted.pretrainedCodes(), 10);
      int[][] after = nearest(fitted.codes(data), 10);
      double kept = 0;
      for (int i = 0; i < before.length; i++) {
        java.util.Set<Integer> now = new java.util.HashSet<>();
        for (int j : after[i]) {
          now.add(j);
        }
        for (int j : before[i]) {
          kept += now.contains(j) ? 1 : 0;
        }
      }
      return kept / (before.length * 10.0);
    }
  }

  private static int[][] nearest(Dataset codes, int k) {
    double[][] rows = Rows.of(codes);
    int[][] out = new int[rows.length][];
    SquaredDistances.forEach(rows, rows, (i, distance) -> {
      distance[i] = Double.POSITIVE_INFINITY;
      out[i] = java.util.stream.IntStream.range(0, rows.length).boxed()
          .sorted(java.util.Comparator.comparingDouble(j -> distance[j])).limit(k).mapToInt(Integer::intValue).toArray();
    });
    return out;
  }

  /** A 20-h-4 autoencoder clustered into 4 with {@code objective}: DEC's or IDEC's loss. */
  private static Dec smallDec(int hidden, Dec.Objective objective) {
    AutoencoderSpec ae = AutoencoderSpec.builder(20).hidden(Activation.RELU, hidden).code(4, Activation.LINEAR).build();
    return new Dec(ae, List.of(), AutoencoderSession.Plan.of(FitSpec.adam(3e-3, 10, 64)), 4, 1.0, objective,
        FitSpec.adam(1e-3, 1, 64), 1, 0, 3, 0.001, 3, RuntimeSettings.reproducible());
  }
}
