package io.github.aelab.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NearestNeighbourAccuracyTest {

  // Training codes on a line: x = 0, 1, 2 (label 7), x = 10, 11 (label 3), x = 20 (label 5).
  private static final float[] TRAIN = {0, 1, 2, 10, 11, 20};
  private static final int[] TRAIN_LABELS = {7, 7, 7, 3, 3, 5};

  @Test
  void votesAmongTheKNearestTrainingCodes() {
    // 1.2 has neighbours 1, 2, 0 (all 7); 10.4 has 10, 11 (3) then 2 (7); 19 has 20 (5) then 11, 10 (3).
    float[] test = {1.2f, 10.4f, 19f};

    assertThat(NearestNeighbourAccuracy.vote(TRAIN, TRAIN_LABELS, test, 0, 1, 3)).isEqualTo(7);
    assertThat(NearestNeighbourAccuracy.vote(TRAIN, TRAIN_LABELS, test, 1, 1, 3)).isEqualTo(3);
    assertThat(NearestNeighbourAccuracy.vote(TRAIN, TRAIN_LABELS, test, 2, 1, 3)).isEqualTo(3);
    assertThat(NearestNeighbourAccuracy.vote(TRAIN, TRAIN_LABELS, test, 2, 1, 1)).isEqualTo(5);
    // Labels 7, 3, 5 for the three rows: the third is voted 3 at k = 3, so 2 of 3 are right.
    assertThat(NearestNeighbourAccuracy.of(TRAIN, TRAIN_LABELS, test, new int[] {7, 3, 5}, 1, 3))
        .isEqualTo(2.0 / 3);
  }

  @Test
  void aTiedVoteGoesToTheLabelWithTheNearestMember() {
    // 6.2: neighbours 2 (7, distance 4.2) and 10 (3, distance 3.8): one vote each, 3 is nearer.
    assertThat(NearestNeighbourAccuracy.vote(TRAIN, TRAIN_LABELS, new float[] {6.2f}, 0, 1, 2)).isEqualTo(3);
    // 5.8: 2 is nearer (3.8 against 4.2).
    assertThat(NearestNeighbourAccuracy.vote(TRAIN, TRAIN_LABELS, new float[] {5.8f}, 0, 1, 2)).isEqualTo(7);
  }

  @Test
  void measuresEuclideanDistanceOverEveryUnit() {
    // Two units: the test code (0, 5) is nearer to (0, 4) (label 1) than to (3, 5) (label 2) only
    // if both coordinates count: distances 1 and 3.
    float[] train = {3, 5, 0, 4};
    int[] labels = {2, 1};

    assertThat(NearestNeighbourAccuracy.vote(train, labels, new float[] {0, 5}, 0, 2, 1)).isEqualTo(1);
  }

  @Test
  void rejectsBadSizes() {
    assertThatThrownBy(() -> NearestNeighbourAccuracy.of(TRAIN, TRAIN_LABELS, new float[] {1}, new int[] {7}, 1, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must be in 1..6 (the training rows), found 7");
    assertThatThrownBy(() -> NearestNeighbourAccuracy.of(TRAIN, TRAIN_LABELS, new float[] {1, 2, 3}, new int[] {7}, 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one row of 2 values per label");
  }
}
