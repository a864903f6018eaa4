package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.core.data.Dataset;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RobustPcaDetectorTest {

  @Test
  void ranksPlantedOutliersFirst() {
    PlantedOutliers.assertRanksOutliersFirst(RobustPcaDetector.defaults());
  }

  @Test
  void sameSeedSameScores() {
    PlantedOutliers.assertSameSeedSameScores(RobustPcaDetector.defaults());
  }

  @Test
  void grossCorruptionsDoNotTiltTheSubspaceAsTheyTiltPca() {
    // 200 training rows in the plane spanned by two random directions u, v of R^20; about 2% of
    // the entries are shifted by +30. PCA's two components lean towards the corruptions; robust
    // PCA puts them into S and keeps (nearly) the plane.
    Random rng = new Random(1);
    int d = 20;
    double[] u = new double[d];
    double[] v = new double[d];
    for (int c = 0; c < d; c++) {
      u[c] = rng.nextGaussian();
      v[c] = rng.nextGaussian();
    }
    double[][] rows = new double[200][d];
    for (double[] row : rows) {
      double a = rng.nextGaussian();
      double b = rng.nextGaussian();
      for (int c = 0; c < d; c++) {
        row[c] = a * u[c] + b * v[c] + (rng.nextDouble() < 0.02 ? 30 : 0);
      }
    }
    double[] inPlane = new double[d];
    for (int c = 0; c < d; c++) {
      inPlane[c] = 1.2 * u[c] - 0.7 * v[c];
    }
    double[] offPlane = inPlane.clone();
    offPlane[3] += 2;
    Dataset train = TestRows.of(rows);
    Dataset probes = TestRows.of(inPlane, offPlane);

    double[] robust = RobustPcaDetector.defaults().fit(train, 0).score(probes);
    double[] ordinary = new PcaDetector(OptionalInt.of(2)).fit(train, 0).score(probes);

    assertThat(robust[0]).isLessThan(0.01 * ordinary[0]);
    // The step of 2 off the plane, squared, minus the little of it that lies in the plane.
    assertThat(robust[1]).isBetween(3.0, 4.0);
  }

  @Test
  void validatesParameters() {
    assertThatThrownBy(() -> new RobustPcaDetector(OptionalDouble.empty(), OptionalInt.of(0)))
        .hasMessage("components must be >= 1 (or empty for the rank of L), found 0");
    assertThatThrownBy(() -> new RobustPcaDetector(OptionalDouble.of(-1), OptionalInt.empty()))
        .hasMessage("lambda must be finite and > 0 (or empty for 1 / sqrt(max(n, d))), found -1.0");
  }
}
