package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.core.data.Dataset;
import org.junit.jupiter.api.Test;

class KnnDetectorTest {

  /** Training values 0, 1, 3, 6, 10 on a line. */
  private final Dataset line = TestRows.column(0, 1, 3, 6, 10);

  @Test
  void ranksPlantedOutliersFirst() {
    PlantedOutliers.assertRanksOutliersFirst(KnnDetector.pyod());
    PlantedOutliers.assertRanksOutliersFirst(new KnnDetector(5, KnnDetector.Method.MEAN));
  }

  @Test
  void sameSeedSameScores() {
    PlantedOutliers.assertSameSeedSameScores(KnnDetector.pyod());
  }

  @Test
  void trainingRowsAreNotTheirOwnNeighbours() {
    // k = 2: row 0 -> neighbours 1 and 3; row 1 -> 0 and 3 (distances 1, 2); row 3 -> 1 and 6 (2, 3);
    // row 6 -> 3 and 10 (3, 4); row 10 -> 6 and 3 (4, 7).
    FittedDetector largest = new KnnDetector(2, KnnDetector.Method.LARGEST).fit(line, 0);
    FittedDetector mean = new KnnDetector(2, KnnDetector.Method.MEAN).fit(line, 0);

    assertThat(largest.trainingScores()).containsExactly(3, 2, 3, 4, 7);
    assertThat(mean.trainingScores()).containsExactly(new double[] {2, 1.5, 2.5, 3.5, 5.5}, within(1e-12));
  }

  @Test
  void newRowsAreComparedWithEveryTrainingRow() {
    // 2 is at distance 1 from 1 and 3, 2 from 0, 4 from 6.
    Dataset row = TestRows.column(2);

    assertThat(new KnnDetector(2, KnnDetector.Method.LARGEST).fit(line, 0).score(row)).containsExactly(1);
    assertThat(new KnnDetector(3, KnnDetector.Method.LARGEST).fit(line, 0).score(row)).containsExactly(2);
    assertThat(new KnnDetector(3, KnnDetector.Method.MEDIAN).fit(line, 0).score(row)).containsExactly(1);
    assertThat(new KnnDetector(4, KnnDetector.Method.MEDIAN).fit(line, 0).score(row)).containsExactly(1.5);
  }

  @Test
  void aDuplicateRowIsANeighbourAtDistanceZero() {
    // Only the row itself is skipped, not its copies, as PyOD's drop-the-first-neighbour does.
    FittedDetector fitted = new KnnDetector(1, KnnDetector.Method.LARGEST).fit(TestRows.column(0, 0, 5), 0);

    assertThat(fitted.trainingScores()).containsExactly(0, 0, 5);
  }

  @Test
  void validatesParameters() {
    assertThat(KnnDetector.Method.fromKey("mean")).isEqualTo(KnnDetector.Method.MEAN);
    assertThatThrownBy(() -> KnnDetector.Method.fromKey("max"))
        .hasMessage("method must be \"largest\", \"mean\" or \"median\", found \"max\"");
    assertThatThrownBy(() -> new KnnDetector(0, KnnDetector.Method.LARGEST)).hasMessage("k must be >= 1, found 0");
    assertThatThrownBy(() -> KnnDetector.pyod().fit(line, 0))
        .hasMessage("knn needs at least 6 training rows, dataset 'rows' has 5");
  }
}
