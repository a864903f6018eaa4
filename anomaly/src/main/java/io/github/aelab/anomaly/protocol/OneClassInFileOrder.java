package io.github.aelab.anomaly.protocol;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.Splits;
import java.util.Arrays;
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
    int[] drawn = drawnRows(data.rows(), seed);
    Dataset sized = drawn == null ? data
        : data.subset(drawn, data.rows() < minRows ? "-resampled" : "-subsampled");
    Split split = Splits.oneClassInFileOrder(sized, 0, normalTrainFraction);
    String resized = drawn == null ? "" : " (" + data.rows() + " rows " + (data.rows() < minRows
        ? "resampled with replacement" : "subsampled") + " to " + sized.rows() + ", seed " + seed + ")";
    return ProtocolInputs.zScoredOneClass(NAME, split,
        "the first " + split.train().rows() + " normal rows of '" + data.name() + "'" + resized + " for training");
  }

  /**
   * How many rows {@link #split} fits on for {@code data} and {@code seed}, so that checks made
   * before the split (a batch larger than the training part) count what it will do; it counts the
   * drawn rows' labels without copying them.
   */
  public int trainRows(Dataset data, long seed) {
    int[] labels = data.labels();
    int[] drawn = drawnRows(labels.length, seed);
    int normals = 0;
    for (int i = 0; i < (drawn == null ? labels.length : drawn.length); i++) {
      normals += labels[drawn == null ? i : drawn[i]] == 0 ? 1 : 0;
    }
    return Splits.trainRows(normals, normalTrainFraction);
  }

  /**
   * The rows ADBench's size rules keep of a set of {@code rows} rows, in the order drawn: {@code minRows}
   * draws with replacement for a small set, the first {@code maxRows} of a random order for a large
   * one; null when the set is within the limits and is used as it is.
   */
  private int[] drawnRows(int rows, long seed) {
    if (rows < minRows) {
      Random rng = new Random(seed);
      int[] drawn = new int[minRows];
      for (int i = 0; i < minRows; i++) {
        drawn[i] = rng.nextInt(rows);
      }
      return drawn;
    }
    return rows > maxRows ? Arrays.copyOf(Splits.randomOrder(rows, seed), maxRows) : null;
  }
}
