package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.anomaly.RowScorer;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.SquaredDistances;
import java.util.Arrays;
import java.util.Locale;

/**
 * k-nearest-neighbour distance (Ramaswamy et al., 2000; Angiulli and Pizzuti, 2002): a row is as
 * anomalous as it is far from its {@code k} nearest training rows, in Euclidean distance. The
 * score is the distance to the k-th neighbour ({@code largest}, PyOD's default), or the mean or
 * median of the distances to all {@code k}.
 *
 * <p>A training row is not its own neighbour: its training score uses the {@code k} nearest
 * <em>other</em> rows, as PyOD does (which queries k + 1 neighbours and drops the first);
 * otherwise every training row would have a neighbour at distance 0. Rows scored later are
 * compared with all training rows. Search is brute force ({@link SquaredDistances}), {@code O(n d)}
 * per row.
 *
 * @param k      number of neighbours, {@code >= 1}
 * @param method how the {@code k} distances become one score
 */
public record KnnDetector(int k, Method method) implements Detector, java.io.Serializable {

  /** How the distances to the {@code k} nearest neighbours are combined. */
  public enum Method {
    /** The distance to the k-th nearest neighbour. */
    LARGEST,
    /** The mean distance to the k nearest neighbours. */
    MEAN,
    /** The median distance to the k nearest neighbours. */
    MEDIAN;

    /** PyOD's name: {@code "largest"}, {@code "mean"} or {@code "median"}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The method named {@code key} in PyOD's spelling. */
    public static Method fromKey(String key) {
      for (Method method : values()) {
        if (method.key().equals(key)) {
          return method;
        }
      }
      throw new IllegalArgumentException("method must be \"largest\", \"mean\" or \"median\", found \"" + key + "\"");
    }
  }

  public KnnDetector {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, found " + k);
    }
    if (method == null) {
      throw new IllegalArgumentException("method must be given (LARGEST, MEAN or MEDIAN), found null");
    }
  }

  /** PyOD's defaults: 5 neighbours, distance to the largest. */
  public static KnnDetector pyod() {
    return new KnnDetector(5, Method.LARGEST);
  }

  @Override
  public String name() {
    return "knn";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    // Each training row needs k neighbours besides itself.
    double[][] x = TrainingRows.of(train, k + 1, name());
    double[] trainingScores = new double[x.length];
    SquaredDistances.forEach(x, x, (i, squared) -> {
      squared[i] = Double.POSITIVE_INFINITY;
      trainingScores[i] = combine(nearestDistances(squared));
    });
    return new FittedRows(name(), x[0].length, new Distance(this, x), trainingScores);
  }

  /** The combined distance of a new row to its {@code k} nearest training rows. */
  record Distance(KnnDetector detector, double[][] train) implements RowScorer {
    @Override
    public double score(double[] row) {
      return scoreAll(new double[][] {row})[0];
    }

    @Override
    public double[] scoreAll(double[][] rows) {
      double[] scores = new double[rows.length];
      SquaredDistances.forEach(train, rows,
          (r, squared) -> scores[r] = detector.combine(detector.nearestDistances(squared)));
      return scores;
    }
  }

  /** The {@code k} smallest of {@code squared} (distances to the training rows), as distances, ascending. */
  private double[] nearestDistances(double[] squared) {
    // Kept sorted by insertion: k is small, so this beats a heap.
    double[] nearest = new double[k];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (double distance : squared) {
      if (distance < nearest[k - 1]) {
        int position = k - 1;
        while (position > 0 && nearest[position - 1] > distance) {
          nearest[position] = nearest[position - 1];
          position--;
        }
        nearest[position] = distance;
      }
    }
    for (int j = 0; j < k; j++) {
      nearest[j] = Math.sqrt(nearest[j]);
    }
    return nearest;
  }

  private double combine(double[] ascending) {
    return switch (method) {
      case LARGEST -> ascending[k - 1];
      case MEAN -> {
        double sum = 0;
        for (double distance : ascending) {
          sum += distance;
        }
        yield sum / k;
      }
      case MEDIAN -> k % 2 == 1 ? ascending[k / 2] : 0.5 * (ascending[k / 2 - 1] + ascending[k / 2]);
    };
  }
}
