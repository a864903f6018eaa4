package io.github.aelab.anomaly.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.core.data.Dataset;
import org.junit.jupiter.api.Test;

/** The DTE paper's semi-supervised split: ADBench's size rules, then the normal rows in file order. */
class OneClassInFileOrderTest {

  @Test
  void trainsOnTheFirstHalfOfTheNormalRowsWhateverTheSeed() {
    // 1,200 rows (within ADBench's limits): ids 0..1199, the last 100 anomalous.
    Dataset data = ProtocolTest.idData(1200, 100);
    ProtocolSplit split = OneClassInFileOrder.dte().split(data, 3);

    assertThat(split.train().rows()).isEqualTo(550);
    assertThat(split.train().labelCounts()).containsOnlyKeys(0);
    assertThat(split.test().rows()).isEqualTo(650);
    assertThat(split.testAnomalies()).isEqualTo(100);
    // z-scored with the training rows' statistics: the training ids 0..549 have mean 274.5.
    double std = Math.sqrt((550.0 * 550.0 - 1) / 12);
    assertThat(split.train().features()[0]).isEqualTo((float) ((0 - 274.5) / std));
    assertThat(split.train().features()[2 * 549]).isEqualTo((float) ((549 - 274.5) / std));
    assertThat(OneClassInFileOrder.dte().split(data, 4).train()).as("the seed does not move the rows")
        .isEqualTo(split.train());
    assertThat(split.description()).startsWith("one_class_file_order: the first 550 normal rows of 'ids' for training");
  }

  /** ADBench's generator duplicates small sets up to 1,000 rows (seeded), then splits. */
  @Test
  void resamplesSmallSetsUpToTheMinimumWithReplacement() {
    Dataset small = ProtocolTest.idData(200, 20);
    ProtocolSplit split = OneClassInFileOrder.dte().split(small, 7);

    assertThat(split.train().rows() + split.test().rows()).isEqualTo(1000);
    assertThat(split.description()).contains("(200 rows resampled with replacement to 1000, seed 7)");
    assertThat(OneClassInFileOrder.dte().split(small, 7).train()).isEqualTo(split.train());
    assertThat(OneClassInFileOrder.dte().split(small, 8).train()).isNotEqualTo(split.train());
  }

  @Test
  void subsamplesLargeSetsDownToTheMaximum() {
    ProtocolSplit split = new OneClassInFileOrder(0.5, 10, 300).split(ProtocolTest.idData(1000, 50), 1);

    assertThat(split.train().rows() + split.test().rows()).isEqualTo(300);
    assertThat(split.description()).contains("(1000 rows subsampled to 300, seed 1)");
  }

  /** The count that checks use before splitting is the split's, for every size rule. */
  @Test
  void countsTheTrainingRowsAsTheSplitMakesThem() {
    OneClassInFileOrder protocol = new OneClassInFileOrder(0.5, 300, 600);
    for (Dataset data : new Dataset[] {ProtocolTest.idData(200, 20), ProtocolTest.idData(400, 40),
        ProtocolTest.idData(1000, 50)}) {
      for (long seed : new long[] {1, 2}) {
        assertThat(protocol.trainRows(data, seed)).as("%d rows, seed %d", data.rows(), seed)
            .isEqualTo(protocol.split(data, seed).train().rows());
      }
    }
  }

  @Test
  void isNamedAndChecksItsSettings() {
    assertThat(Protocol.named("one_class_file_order")).isEqualTo(OneClassInFileOrder.dte());
    assertThatThrownBy(() -> new OneClassInFileOrder(0.5, 100, 10))
        .hasMessage("expected 1 <= minRows <= maxRows, found 100 and 10");
    assertThatThrownBy(() -> new OneClassInFileOrder(1, 10, 100))
        .hasMessage("normalTrainFraction must be in (0, 1), found 1.0");
  }
}
