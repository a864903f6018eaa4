package io.github.aelab.clustering.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MajorityLabelErrorTest {
  @Test
  void eachClusterTakesItsTrainingMajorityAndTestRowsAreScoredByIt() {
    // Clusters 0 and 1 both hold mostly label 0 (more clusters than labels is the point); cluster 2 holds label 1.
    int[] trainClusters = {0, 0, 0, 1, 1, 2, 2, 2, 3};
    int[] trainLabels = {0, 0, 1, 0, 0, 1, 1, 0, 1};
    MajorityLabelError m = MajorityLabelError.fit(trainClusters, trainLabels, 5);

    assertThat(m.labelOfCluster()).containsExactly(0, 0, 1, 1, -1);
    // test: (c0,y0) ok, (c1,y1) wrong, (c2,y1) ok, (c4,y0) wrong (empty cluster) -> 2 of 4
    assertThat(m.error(new int[] {0, 1, 2, 4}, new int[] {0, 1, 1, 0})).isEqualTo(0.5);
  }

  @Test
  void tiesGoToTheSmallerLabel() {
    MajorityLabelError m = MajorityLabelError.fit(new int[] {0, 0}, new int[] {2, 1}, 1);
    assertThat(m.labelOfCluster()).containsExactly(1);
  }

  @Test
  void refusesAssignmentsOutsideTheClusters() {
    assertThatThrownBy(() -> MajorityLabelError.fit(new int[] {0, 3}, new int[] {0, 1}, 3))
        .hasMessage("assignment 3 of row 1 is outside 0..2");
  }
}
