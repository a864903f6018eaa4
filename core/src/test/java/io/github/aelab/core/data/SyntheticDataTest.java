package io.github.aelab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class SyntheticDataTest {

  @Test
  void blobsWithOutliersLabelOutliersOneAndShuffleThem() {
    Dataset data = SyntheticData.gaussianBlobsWithOutliers(90, 10, 3, 2, 0.5, 42);

    assertThat(data.rows()).isEqualTo(100);
    assertThat(data.cols()).isEqualTo(3);
    assertThat(data.labelCounts()).containsExactly(entry(0, 90), entry(1, 10));
    // Shuffled: the outliers are not simply the last ten rows.
    int outliersAtTheEnd = 0;
    for (int row = 90; row < 100; row++) {
      outliersAtTheEnd += data.label(row);
    }
    assertThat(outliersAtTheEnd).isLessThan(10);
  }

  @Test
  void inliersStayNearTheirCentresWhileOutliersSpreadWider() {
    Dataset data = SyntheticData.gaussianBlobsWithOutliers(500, 500, 2, 1, 0.1, 7);

    double inlierSpread = spread(data, 0);
    double outlierSpread = spread(data, 1);

    // One blob of std 0.1 versus uniform noise on [-10, 10] (std 5.8).
    assertThat(inlierSpread).isLessThan(0.2);
    assertThat(outlierSpread).isGreaterThan(4);
  }

  @Test
  void blobsLabelEachRowWithItsCluster() {
    Dataset data = SyntheticData.gaussianBlobs(300, 4, 3, 0.2, 1);

    assertThat(data.labelCounts()).containsExactly(entry(0, 100), entry(1, 100), entry(2, 100));
    // Rows of the same cluster lie close together: two rows of cluster 0 differ by about 0.2 * sqrt(2 * 4).
    float[] a = new float[4];
    float[] b = new float[4];
    int first = -1;
    for (int row = 0; row < data.rows() && b[0] == 0; row++) {
      if (data.label(row) == 0) {
        if (first < 0) {
          first = row;
          data.copyRow(row, a, 0);
        } else {
          data.copyRow(row, b, 0);
        }
      }
    }
    double distance = 0;
    for (int c = 0; c < 4; c++) {
      distance += (a[c] - b[c]) * (a[c] - b[c]);
    }
    assertThat(Math.sqrt(distance)).isLessThan(2);
  }

  @Test
  void manifoldFeaturesAreBoundedSines() {
    Dataset clean = SyntheticData.noisyManifold(1000, 20, 2, 0, 3);

    assertThat(clean.hasLabels()).isFalse();
    assertThat(clean.cols()).isEqualTo(20);
    for (float value : clean.features()) {
      assertThat(value).isBetween(-1f, 1f);
    }
  }

  @Test
  void sameSeedSameData_otherSeedOtherData() {
    assertThat(SyntheticData.noisyManifold(50, 5, 1, 0.1, 9)).isEqualTo(SyntheticData.noisyManifold(50, 5, 1, 0.1, 9));
    assertThat(SyntheticData.gaussianBlobs(50, 5, 2, 1, 9)).isEqualTo(SyntheticData.gaussianBlobs(50, 5, 2, 1, 9));
    assertThat(SyntheticData.gaussianBlobsWithOutliers(40, 5, 3, 2, 1, 9))
        .isEqualTo(SyntheticData.gaussianBlobsWithOutliers(40, 5, 3, 2, 1, 9))
        .isNotEqualTo(SyntheticData.gaussianBlobsWithOutliers(40, 5, 3, 2, 1, 10));
  }

  @Test
  void validatesArguments() {
    assertThatThrownBy(() -> SyntheticData.gaussianBlobs(10, 0, 2, 1, 1)).hasMessage("dims must be >= 1, found 0");
    assertThatThrownBy(() -> SyntheticData.gaussianBlobs(10, 2, 2, -1, 1))
        .hasMessage("standard deviation must be finite and >= 0, found -1.0");
    assertThatThrownBy(() -> SyntheticData.noisyManifold(10, 2, 3, 0, 1))
        .hasMessage("intrinsicDims must be <= ambientDims = 2, found 3");
    assertThatThrownBy(() -> SyntheticData.gaussianBlobsWithOutliers(0, 0, 2, 1, 1, 1))
        .hasMessage("inliers + outliers must be >= 1, found 0");
  }

  /** Root mean squared distance of the rows with {@code label} from their mean. */
  private static double spread(Dataset data, int label) {
    int cols = data.cols();
    double[] mean = new double[cols];
    int count = 0;
    for (int row = 0; row < data.rows(); row++) {
      if (data.label(row) == label) {
        for (int c = 0; c < cols; c++) {
          mean[c] += data.get(row, c);
        }
        count++;
      }
    }
    double squares = 0;
    for (int row = 0; row < data.rows(); row++) {
      if (data.label(row) == label) {
        for (int c = 0; c < cols; c++) {
          double d = data.get(row, c) - mean[c] / count;
          squares += d * d;
        }
      }
    }
    return Math.sqrt(squares / count / cols);
  }
}
