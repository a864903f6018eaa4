package io.github.aelab.anomaly.protocol;

import io.github.aelab.anomaly.metric.AnomalyLabels;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.Splits;
import io.github.aelab.core.data.ZScoreScaler;
import java.util.Random;

/**
 * The semi-supervised split of the DTE paper's tables (Livernoche et al., ICLR 2024, whose code
 * adapts ADBench's data generator): a set with fewer than {@code minRows} rows is first resampled
 * to {@code minRows} rows with replacement and one with more than {@code maxRows} subsampled to
 * {@code maxRows} (both seeded; ADBench's rules); then the first half of the normal rows in the
 * order they come train, and the other half plus every anomaly test, z-scored with the training
 * statistics. It differs from {@link OneClass}, ADBench's stated protocol, in taking the normal
 * rows in file order rather than at random, which matters on sorted files (the seed then changes
 * only the detector, not the rows); it exists to compare with that paper's published table.
 * YAML: {@code evaluation.protocol: one_class_file_order}.
 *
 * @param normalTrainFraction share of the normal rows used for fitting, in (0, 1)
 * @param minRows             sets smaller than this are resampled up to it with replacement
 * @param maxRows             sets larger than this are subsampled down to it
 */
public record OneClassInFileOrder(double normalTrainFraction, int minRows, int maxRows) implements Protocol {

  public static final String NAME = "one_class_file_order";

  public OneClassInFileOrder {
    if (!(normalTrainFraction > 0 && normalTrainFraction < 1)) {
      throw new IllegalArgumentException("normalTrainFraction must be in (0, 1), found " + normalTrainFraction);
    }
    if (minRows < 1 || maxRows < minRows) {
      throw new IllegalArgumentException("expected 1 <= minRows <= maxRows, found " + minRows + " and " + maxRows);
    }
  }

  /** The DTE paper's settings: half the normal rows, sets resampled to 1,000 and capped at 50,000 rows. */
  public static OneClassInFileOrder dte() {
    return new OneClassInFileOrder(0.5, 1000, 50_000);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProtocolSplit split(Dataset data, Dataset test, long seed) {
    ProtocolInputs.requireSingleLabelled(NAME, data, test);
    ProtocolInputs.anomalyFlags(data);
    Dataset sized = sized(data, seed);
    Split split = Splits.oneClassInFileOrder(sized, 0, normalTrainFraction);
    ZScoreScaler scaler = ZScoreScaler.fit(split.train());
    Split scaled = split.transform(scaler);
    boolean[] testIsAnomaly = ProtocolInputs.anomalyFlags(scaled.test());
    String resized = sized == data ? "" : " (" + data.rows() + " rows " + (data.rows() < minRows
        ? "resampled with replacement" : "subsampled") + " to " + sized.rows() + ", seed " + seed + ")";
    return new ProtocolSplit(scaled.train(), scaled.test(), testIsAnomaly, NAME + ": the first "
        + split.train().rows() + " normal rows of '" + data.name() + "'" + resized + " for training, "
        + split.test().rows() + " test rows of which " + AnomalyLabels.count(testIsAnomaly) + " anomalies; "
        + "z-scored with the train statistics", scaler);
  }

  /**
   * How many rows {@link #split} fits on for {@code data} and {@code seed}, so that checks made
   * before the split (a batch larger than the training part) count what it will do.
   */
  public int trainRows(Dataset data, long seed) {
    return Splits.trainRows(sized(data, seed).labelCounts().getOrDefault(0, 0), normalTrainFraction);
  }

  /** The data at ADBench's size limits, or the data itself when within them. */
  Dataset sized(Dataset data, long seed) {
    Random rng = new Random(seed);
    if (data.rows() < minRows) {
      int[] drawn = new int[minRows];
      for (int i = 0; i < minRows; i++) {
        drawn[i] = rng.nextInt(data.rows());
      }
      return data.subset(drawn, "-resampled");
    }
    if (data.rows() > maxRows) {
      return Splits.shuffle(data, seed).head(maxRows);
    }
    return data;
  }
}
