package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.data.Dataset;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class NaiveParzenDetectorTest {

  @Test
  void ranksPlantedOutliersFirst() {
    PlantedOutliers.assertRanksOutliersFirst(NaiveParzenDetector.scott());
  }

  @Test
  void sameSeedSameScores() {
    PlantedOutliers.assertSameSeedSameScores(NaiveParzenDetector.scott());
  }

  @Test
  void isTheSumOfOneDimensionalParzenScores() {
    Dataset train = TestRows.of(new double[] {0, 5}, new double[] {1, 7}, new double[] {3, 6}, new double[] {2, 9});
    Dataset rows = TestRows.of(new double[] {1.5, 6}, new double[] {-4, 12});
    // Scott's one-dimensional rule for 4 rows.
    double h = Math.pow(4, -1.0 / 5);

    double[] naive = NaiveParzenDetector.scott().fit(train, 0).score(rows);

    ParzenDetector oneDimensional = new ParzenDetector(OptionalDouble.of(h));
    double[] first = oneDimensional.fit(TestRows.column(0, 1, 3, 2), 0).score(TestRows.column(1.5, -4));
    double[] second = oneDimensional.fit(TestRows.column(5, 7, 6, 9), 0).score(TestRows.column(6, 12));
    for (int i = 0; i < 2; i++) {
      assertThat(naive[i]).isCloseTo(first[i] + second[i], within(1e-12));
    }
  }
}
