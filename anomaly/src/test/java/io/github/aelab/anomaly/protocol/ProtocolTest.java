package io.github.aelab.anomaly.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.anomaly.Threshold;
import io.github.aelab.core.data.Dataset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolTest {

  /**
   * 100 rows: column 0 is the row number (an id that survives any per-column affine scaling as a
   * distinct value), column 1 is 0 for the 80 normal rows and 100 for the 20 anomalies (label 1).
   */
  private final Dataset data = idData(100, 20);

  @Test
  void unsupervisedHoldoutSplitsAllRows60To40AndKeepsAnomaliesInTraining() {
    ProtocolSplit split = UnsupervisedHoldout.pyod().split(data, 3);

    assertThat(split.train().rows()).isEqualTo(60);
    assertThat(split.test().rows()).isEqualTo(40);
    int trainAnomalies = split.train().labelCounts().getOrDefault(1, 0);
    assertThat(trainAnomalies).isPositive();
    assertThat(trainAnomalies + split.testAnomalies()).isEqualTo(20);
    assertThat(split.testIsAnomaly()).containsExactly(flags(split.test()));
    assertDisjoint(split);
  }

  @Test
  void stratifiedHoldoutKeepsTheShareOfAnomaliesInBothParts() {
    ProtocolSplit split = UnsupervisedHoldout.pyodStratified().split(data, 3);

    assertThat(split.description()).startsWith("stratified_holdout: random 60/40 split per label");
    assertThat(split.train().labelCounts()).containsEntry(0, 48).containsEntry(1, 12);
    assertThat(split.test().rows()).isEqualTo(40);
    assertThat(split.testAnomalies()).isEqualTo(8);
    assertThat(split.testIsAnomaly()).containsExactly(flags(split.test()));
    assertDisjoint(split);
  }

  @Test
  void bothHoldoutsCountTheirTrainingRowsAsTheirSplitDoes() {
    // 101 rows, 7 anomalies: 60.6 rows overall, 56.4 normal and 4.2 anomalous rows per label.
    Dataset odd = idData(101, 7);
    for (UnsupervisedHoldout holdout : List.of(UnsupervisedHoldout.pyod(), UnsupervisedHoldout.pyodStratified())) {
      assertThat(holdout.trainRows(94, 7)).isEqualTo(holdout.split(odd, 1).train().rows());
    }
    assertThat(UnsupervisedHoldout.pyod().trainRows(94, 7)).isEqualTo(61);
    assertThat(UnsupervisedHoldout.pyodStratified().trainRows(94, 7)).isEqualTo(60);
  }

  @Test
  void withFewAnomaliesOnlyTheStratifiedHoldoutAlwaysTestsSome() {
    // ODDS lympho's shape: 6 anomalies among 148 rows.
    Dataset lymphoLike = idData(148, 6);
    int unstratifiedWithout = 0;
    for (long seed = 0; seed < 100; seed++) {
      unstratifiedWithout += UnsupervisedHoldout.pyod().split(lymphoLike, seed).testAnomalies() == 0 ? 1 : 0;
      assertThat(UnsupervisedHoldout.pyodStratified().split(lymphoLike, seed).testAnomalies()).isEqualTo(2);
    }
    // About (89/148)^6 = 5 % of random splits test no anomaly, so 100 seeds find some.
    assertThat(unstratifiedWithout).isPositive();
  }

  @Test
  void unsupervisedHoldoutScalesBothPartsWithTheTrainStatistics() {
    ProtocolSplit split = UnsupervisedHoldout.pyod().split(data, 3);

    double[] trainIds = column(split.train(), 0);
    assertThat(mean(trainIds)).isCloseTo(0, within(1e-6));
    assertThat(populationStd(trainIds)).isCloseTo(1, within(1e-6));
    // One affine map for both parts: together the scaled ids 0..99 are still equally spaced.
    double[] all = concat(trainIds, column(split.test(), 0));
    Arrays.sort(all);
    double step = all[1] - all[0];
    for (int i = 1; i < all.length; i++) {
      assertThat(all[i] - all[i - 1]).isCloseTo(step, within(1e-5));
    }
  }

  @Test
  void oneClassTrainsOnHalfTheNormalRowsOnly() {
    ProtocolSplit split = OneClass.adbench().split(data, 5);

    assertThat(split.train().rows()).isEqualTo(40);
    assertThat(split.train().labelCounts()).containsOnlyKeys(0);
    assertThat(split.test().rows()).isEqualTo(60);
    assertThat(split.testAnomalies()).isEqualTo(20);
    assertThat(split.testIsAnomaly()).containsExactly(flags(split.test()));
    assertDisjoint(split);
  }

  @Test
  void oneClassFitsTheScalerOnTheNormalTrainingRowsOnly() {
    ProtocolSplit split = OneClass.adbench().split(data, 5);

    // Column 1 is constant (0) on the normal training rows, so its scaler is the identity
    // (mean 0, std 1): anomalies keep their 100. A scaler that had seen them would move it.
    double[] marker = column(split.test(), 1);
    boolean[] truth = split.testIsAnomaly();
    for (int i = 0; i < marker.length; i++) {
      assertThat(marker[i]).isEqualTo(truth[i] ? 100 : 0);
    }
    assertThat(mean(column(split.train(), 0))).isCloseTo(0, within(1e-6));
  }

  @Test
  void topKF1UsesTheOneClassSplitAndFlagsAsManyRowsAsThereAreAnomalies() {
    ProtocolSplit oneClass = OneClass.adbench().split(data, 9);
    ProtocolSplit topK = TopKF1.dagmm().split(data, 9);

    assertThat(topK.train().features()).containsExactly(oneClass.train().features());
    assertThat(topK.test().features()).containsExactly(oneClass.test().features());
    assertThat(topK.description()).startsWith("topk_f1: ");
    assertThat(TopKF1.dagmm().threshold(topK)).contains(new Threshold.TopK(20));
    assertThat(OneClass.adbench().threshold(oneClass)).isEmpty();
  }

  @Test
  void oneClassMnistTrainsOnTheNormalDigitAndTestsOnTheWholeTestSet() {
    Dataset train = digits("train", 30);
    Dataset test = digits("test", 20);

    ProtocolSplit split = new OneClassMnist(3).split(train, test, 0);

    assertThat(split.train().rows()).isEqualTo(3);
    assertThat(split.train().labelCounts()).containsOnlyKeys(3);
    assertThat(split.test()).isEqualTo(test);
    assertThat(split.testAnomalies()).isEqualTo(18);
    for (int i = 0; i < test.rows(); i++) {
      assertThat(split.testIsAnomaly()[i]).isEqualTo(test.label(i) != 3);
    }
    // Features are not rescaled.
    assertThat(split.train().get(0, 0)).isEqualTo(train.get(3, 0));
  }

  @Test
  void sameSeedSameSplit() {
    assertThat(UnsupervisedHoldout.pyod().split(data, 4)).isEqualTo(UnsupervisedHoldout.pyod().split(data, 4));
    assertThat(OneClass.adbench().split(data, 4)).isEqualTo(OneClass.adbench().split(data, 4));
    assertThat(OneClass.adbench().split(data, 4).train()).isNotEqualTo(OneClass.adbench().split(data, 5).train());
  }

  @Test
  void namedProtocolsHaveThePublishedSettings() {
    assertThat(Protocol.named("unsupervised_holdout")).isEqualTo(new UnsupervisedHoldout(0.6));
    assertThat(Protocol.named("stratified_holdout")).isEqualTo(new UnsupervisedHoldout(0.6, true));
    assertThat(Protocol.named("one_class")).isEqualTo(new OneClass(0.5));
    assertThat(Protocol.named("topk_f1")).isEqualTo(new TopKF1(0.5));
    assertThatThrownBy(() -> Protocol.named("one_class_mnist")).hasMessageContaining("needs a normal digit");
    assertThatThrownBy(() -> Protocol.named("loo")).hasMessageStartingWith("unknown protocol \"loo\"");
  }

  @Test
  void validatesInputs() {
    assertThatThrownBy(() -> UnsupervisedHoldout.pyod().split(data, data, 0))
        .hasMessageStartingWith("protocol \"unsupervised_holdout\" splits one dataset itself");
    assertThatThrownBy(() -> new OneClassMnist(3).split(digits("train", 10), 0))
        .hasMessageContaining("needs the published test set");
    assertThatThrownBy(() -> OneClass.adbench().split(digits("train", 10), 0))
        .hasMessage("anomaly labels must be 0 (normal) or 1 (anomaly), found 2 at row 2");
    assertThatThrownBy(() -> new OneClassMnist(10)).hasMessage("normalDigit must be in 0..9, found 10");
    assertThatThrownBy(() -> new TopKF1(1)).hasMessage("normalTrainFraction must be in (0, 1), found 1.0");
  }

  static Dataset idData(int rows, int anomalies) {
    float[] features = new float[rows * 2];
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = i < rows - anomalies ? 0 : 1;
      features[2 * i] = i;
      features[2 * i + 1] = labels[i] * 100;
    }
    return new Dataset("ids", features, rows, 2, labels);
  }

  /** {@code rows} one-pixel "images" labelled with digit {@code i % 10} and valued {@code i / rows}. */
  private static Dataset digits(String name, int rows) {
    float[] features = new float[rows];
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      features[i] = (float) i / rows;
      labels[i] = i % 10;
    }
    return new Dataset(name, features, rows, 1, labels);
  }

  /** No row (identified by its scaled id, column 0) is in both parts. */
  private static void assertDisjoint(ProtocolSplit split) {
    Set<Double> trainIds = new HashSet<>();
    for (double id : column(split.train(), 0)) {
      trainIds.add(id);
    }
    assertThat(trainIds).hasSize(split.train().rows());
    for (double id : column(split.test(), 0)) {
      assertThat(trainIds).doesNotContain(id);
    }
  }

  private static boolean[] flags(Dataset data) {
    boolean[] flags = new boolean[data.rows()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = data.label(i) == 1;
    }
    return flags;
  }

  private static double[] column(Dataset data, int col) {
    double[] values = new double[data.rows()];
    for (int i = 0; i < values.length; i++) {
      values[i] = data.get(i, col);
    }
    return values;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }

  private static double populationStd(double[] values) {
    double mean = mean(values);
    return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
  }
}
