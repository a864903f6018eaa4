package io.github.aelab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {

  /** 100 rows whose single feature is the row number; 90 inliers (label 0) and 10 outliers (label 1). */
  private final Dataset data = numbered(100, 10);

  @Test
  void trainTestSplitsTheRowsDisjointly() {
    Split split = Splits.trainTest(data, 0.8, 1);

    assertThat(split.train().rows()).isEqualTo(80);
    assertThat(split.test().rows()).isEqualTo(20);
    assertThat(split.train().name()).isEqualTo("numbered-train");
    assertThat(split.test().name()).isEqualTo("numbered-test");
    assertDisjointAndComplete(split, 100);
  }

  @Test
  void sameSeedSameSplit_otherSeedOtherSplit() {
    assertThat(Splits.trainTest(data, 0.5, 7)).isEqualTo(Splits.trainTest(data, 0.5, 7));
    assertThat(Splits.trainTest(data, 0.5, 7).train()).isNotEqualTo(Splits.trainTest(data, 0.5, 8).train());
    assertThat(Splits.stratified(data, 0.5, 7)).isEqualTo(Splits.stratified(data, 0.5, 7));
    assertThat(Splits.stratified(data, 0.5, 7).train()).isNotEqualTo(Splits.stratified(data, 0.5, 8).train());
    assertThat(Splits.oneClass(data, 0, 0.5, 7)).isEqualTo(Splits.oneClass(data, 0, 0.5, 7));
    assertThat(Splits.oneClass(data, 0, 0.5, 7).train()).isNotEqualTo(Splits.oneClass(data, 0, 0.5, 8).train());
  }

  @Test
  void stratifiedKeepsTheShareOfEachLabel() {
    Split split = Splits.stratified(data, 0.7, 3);

    assertThat(split.train().labelCounts()).containsExactly(entry(0, 63), entry(1, 7));
    assertThat(split.test().labelCounts()).containsExactly(entry(0, 27), entry(1, 3));
    assertDisjointAndComplete(split, 100);
  }

  @Test
  void stratifiedMixesTheLabelsWithinEachPart() {
    Split split = Splits.stratified(data, 0.5, 3);

    // Rows are not grouped by label: some outlier appears among the first ten training rows.
    int[] labels = split.train().labels();
    boolean outlierEarly = false;
    for (int i = 0; i < 10; i++) {
      outlierEarly |= labels[i] == 1;
    }
    assertThat(outlierEarly).isTrue();
  }

  @Test
  void oneClassTrainsOnNormalRowsOnly() {
    Split split = Splits.oneClass(data, 0, 0.6, 5);

    assertThat(split.train().labelCounts()).containsExactly(entry(0, 54));
    assertThat(split.test().labelCounts()).containsExactly(entry(0, 36), entry(1, 10));
    assertDisjointAndComplete(split, 100);
  }

  @Test
  void oneClassCanUseEveryNormalRowForTraining() {
    Split split = Splits.oneClass(data, 1, 1.0, 5);

    assertThat(split.train().labelCounts()).containsExactly(entry(1, 10));
    assertThat(split.test().labelCounts()).containsExactly(entry(0, 90));
  }

  /** No draw: the first normal rows in file order train, whatever comes after tests. */
  @Test
  void oneClassInFileOrderTrainsOnTheFirstNormalRows() {
    // Outliers at the start and the end, so file order and label order differ.
    int[] labels = new int[20];
    float[] features = new float[20];
    for (int row = 0; row < 20; row++) {
      features[row] = row;
      labels[row] = row < 2 || row >= 18 ? 1 : 0;
    }
    Split split = Splits.oneClassInFileOrder(new Dataset("sorted", features, 20, 1, labels), 0, 0.5);

    assertThat(split.train().features()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(split.test().features()).containsExactly(0, 1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    assertThat(split.test().labelCounts()).containsExactly(entry(0, 8), entry(1, 4));
    assertThatThrownBy(() -> Splits.oneClassInFileOrder(data, 3, 0.5))
        .hasMessage("no rows with normal label 3 in dataset 'numbered'; labels present: [0, 1]");
  }

  @Test
  void shufflePermutesTheRows() {
    Dataset shuffled = Splits.shuffle(data, 11);

    assertThat(shuffled.name()).isEqualTo("numbered");
    assertThat(shuffled.features()).isNotEqualTo(data.features());
    assertThat(rowsOf(shuffled)).hasSize(100);
    assertThat(Splits.shuffle(data, 11)).isEqualTo(shuffled);
  }

  @Test
  void rejectsMissingLabelsAndBadFractions() {
    Dataset unlabelled = new Dataset("plain", new float[4], 4, 1, null);

    assertThatThrownBy(() -> Splits.stratified(unlabelled, 0.5, 1))
        .hasMessage("a stratified split needs labels, but dataset 'plain' has none");
    assertThatThrownBy(() -> Splits.oneClass(unlabelled, 0, 0.5, 1))
        .hasMessage("a one-class split needs labels, but dataset 'plain' has none");
    assertThatThrownBy(() -> Splits.oneClass(data, 3, 0.5, 1))
        .hasMessage("no rows with normal label 3 in dataset 'numbered'; labels present: [0, 1]");
    assertThatThrownBy(() -> Splits.trainTest(data, 1.0, 1))
        .hasMessage("trainFraction must be in (0, 1), found 1.0");
    assertThatThrownBy(() -> Splits.oneClass(data, 0, 0, 1))
        .hasMessage("normalTrainFraction must be in (0, 1], found 0.0");
  }

  private static Dataset numbered(int rows, int outliers) {
    float[] features = new float[rows];
    int[] labels = new int[rows];
    for (int row = 0; row < rows; row++) {
      features[row] = row;
      labels[row] = row >= rows - outliers ? 1 : 0;
    }
    return new Dataset("numbered", features, rows, 1, labels);
  }

  /** The original row numbers (the feature values) held by {@code part}. */
  private static Set<Integer> rowsOf(Dataset part) {
    Set<Integer> rows = new HashSet<>();
    for (float value : part.features()) {
      rows.add((int) value);
    }
    return rows;
  }

  private static void assertDisjointAndComplete(Split split, int rows) {
    Set<Integer> train = rowsOf(split.train());
    Set<Integer> test = rowsOf(split.test());
    assertThat(train).hasSize(split.train().rows()).doesNotContainAnyElementsOf(test);
    Set<Integer> all = new HashSet<>(train);
    all.addAll(test);
    assertThat(all).hasSize(rows);
  }
}
