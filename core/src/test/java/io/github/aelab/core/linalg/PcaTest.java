package io.github.aelab.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.IdxLoader;
import io.github.aelab.core.data.SharedTestData;
import io.github.aelab.core.data.SyntheticData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcaTest {

  @Test
  void recoversDataLyingInASubspaceExactly() {
    // 500 points offset by (3, -2, ...) plus combinations of two random directions in 6-D.
    Dataset plane = subspaceData(500, 6, 2, 4);

    Pca pca = Pca.fit(plane, 2);

    assertThat(pca.meanSquaredErrorPerRow(plane)).isLessThan(1e-9);
    float[] reconstructed = pca.reconstruct(plane).features();
    for (int i = 0; i < reconstructed.length; i++) {
      assertThat(reconstructed[i]).isCloseTo(plane.features()[i], within(1e-4f));
    }
    assertThat(pca.explainedVarianceRatio()[0] + pca.explainedVarianceRatio()[1]).isCloseTo(1, within(1e-9));
  }

  @Test
  void componentsAreOrthonormal() {
    Pca pca = Pca.fit(SyntheticData.gaussianBlobs(400, 8, 3, 1.0, 2), 5);

    double[][] components = pca.components();
    for (int a = 0; a < 5; a++) {
      for (int b = 0; b < 5; b++) {
        double dot = 0;
        for (int c = 0; c < 8; c++) {
          dot += components[a][c] * components[b][c];
        }
        assertThat(dot).as("component %d . component %d", a, b).isCloseTo(a == b ? 1 : 0, within(1e-10));
      }
    }
  }

  @Test
  void fixesEachComponentsSignSoThatItsLargestEntryIsPositive() {
    for (double[] component : Pca.fit(SyntheticData.gaussianBlobs(400, 8, 3, 1.0, 2), 5).components()) {
      double largest = 0;
      for (double value : component) {
        largest = Math.abs(value) > Math.abs(largest) ? value : largest;
      }
      assertThat(largest).isPositive();
    }
  }

  @Test
  void explainedVarianceIsSortedAndSumsToAtMostOne() {
    Pca pca = Pca.fit(SyntheticData.gaussianBlobs(400, 8, 3, 1.0, 2), 4);

    double[] ratio = pca.explainedVarianceRatio();
    assertThat(ratio).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    double sum = 0;
    for (double r : ratio) {
      assertThat(r).isGreaterThanOrEqualTo(0);
      sum += r;
    }
    assertThat(sum).isLessThanOrEqualTo(1 + 1e-12);
    double[] all = Pca.fit(SyntheticData.gaussianBlobs(400, 8, 3, 1.0, 2), 8).explainedVarianceRatio();
    assertThat(Arrays.stream(all).sum()).isCloseTo(1, within(1e-9));
  }

  @Test
  void transformGivesCodesWhoseVarianceIsTheExplainedVariance() {
    Dataset data = SyntheticData.gaussianBlobs(300, 5, 2, 0.5, 8);
    Pca pca = Pca.fit(data, 2);

    float[] codes = pca.transform(data);

    assertThat(codes).hasSize(300 * 2);
    double mean = 0;
    double squares = 0;
    for (int r = 0; r < 300; r++) {
      mean += codes[r * 2];
      squares += codes[r * 2] * codes[r * 2];
    }
    assertThat(mean / 300).isCloseTo(0, within(1e-5));
    assertThat(squares / 299).isCloseTo(pca.explainedVariance()[0], within(1e-4 * pca.explainedVariance()[0]));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void oneComponentReconstructsACurvedOneDimensionalManifoldBadly(long seed) {
    Dataset curve = SyntheticData.noisyManifold(2000, 20, 1, 0.05, seed);

    Pca pca = Pca.fit(curve, 1);

    // Relative error = squared error per row / total variance per row; 0.41..0.54 measured over 20 seeds.
    double relative = pca.meanSquaredErrorPerRow(curve) / (pca.totalVariance() * (curve.rows() - 1) / curve.rows());
    assertThat(relative).isGreaterThan(0.3);
    assertThat(pca.explainedVarianceRatio()[0]).isLessThan(0.7);
  }

  @Test
  void matchesHintonAndSalakhutdinovsPcaBaselineOnMnist() {
    Path trainImages = SharedTestData.require("mnist/train-images-idx3-ubyte.gz");
    Path testImages = trainImages.resolveSibling("t10k-images-idx3-ubyte.gz");

    Pca pca = Pca.fit(IdxLoader.loadImages(trainImages, "mnist-train"), 30);

    // Science 313 (2006), Fig. 2: 30-component PCA has average squared error 13.87 per MNIST test image.
    assertThat(pca.meanSquaredErrorPerRow(IdxLoader.loadImages(testImages, "mnist-test"))).isCloseTo(13.87,
        within(0.05));
  }

  @Test
  void rejectsBadArguments() {
    Dataset data = SyntheticData.gaussianBlobs(10, 3, 1, 1, 1);

    assertThatThrownBy(() -> Pca.fit(data, 4)).hasMessage("componentCount must be in 1..3, found 4");
    assertThatThrownBy(() -> Pca.fit(data.head(1), 1))
        .hasMessage("PCA needs at least 2 rows, dataset 'blobs-head1' has 1");
    assertThatThrownBy(() -> Pca.fit(data, 2).transform(new Dataset("wide", new float[4], 1, 4, null)))
        .hasMessage("PCA was fitted on 3 columns but dataset 'wide' has 4");
  }

  /** Rows = offset + sum of k random coefficients times k random directions in {@code dims} dimensions. */
  private static Dataset subspaceData(int rows, int dims, int k, long seed) {
    Random rng = new Random(seed);
    double[][] directions = new double[k][dims];
    for (double[] direction : directions) {
      for (int c = 0; c < dims; c++) {
        direction[c] = rng.nextGaussian();
      }
    }
    float[] features = new float[rows * dims];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < k; j++) {
        double coefficient = rng.nextGaussian();
        for (int c = 0; c < dims; c++) {
          features[r * dims + c] += (float) (coefficient * directions[j][c]);
        }
      }
      for (int c = 0; c < dims; c++) {
        features[r * dims + c] += c % 2 == 0 ? 3 : -2;
      }
    }
    return new Dataset("plane", features, rows, dims, null);
  }
}
