package io.github.aelab.anomaly.deep;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.data.ZScoreScaler;
import java.util.ArrayList;
import java.util.List;

/**
 * The deep detectors' test bed: inliers from tight blobs (three by default) in 8-D, outliers uniform in a
 * wider box; training on inliers only (the one-class setting), testing on held-out inliers plus
 * every outlier, z-scored with the training statistics.
 */
record PlantedOutliers(Dataset train, Dataset test) {

  static PlantedOutliers oneClass(long seed) {
    return oneClass(3, seed);
  }

  /** The same with {@code clusters} blobs (one for methods that assume one mode, like a centroid). */
  static PlantedOutliers oneClass(int clusters, long seed) {
    Dataset all = SyntheticData.gaussianBlobsWithOutliers(900, 60, 8, clusters, 0.5, seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int i = 0; i < all.rows(); i++) {
      if (all.label(i) == 0 && train.size() < 600) {
        train.add(i);
      } else {
        test.add(i);
      }
    }
    Dataset trainRows = all.subset(train.stream().mapToInt(Integer::intValue).toArray(), "-train");
    Dataset testRows = all.subset(test.stream().mapToInt(Integer::intValue).toArray(), "-test");
    ZScoreScaler scaler = ZScoreScaler.fit(trainRows);
    return new PlantedOutliers(scaler.transform(trainRows), scaler.transform(testRows));
  }

  /**
   * ROC-AUC by its definition, the probability that a random outlier outscores a random inlier
   * (ties count one half): a quadratic test oracle, independent of the metric package.
   */
  double auc(double[] testScores) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < test.rows(); i++) {
      if (test.label(i) != 1) {
        continue;
      }
      for (int j = 0; j < test.rows(); j++) {
        if (test.label(j) == 0) {
          wins += testScores[i] > testScores[j] ? 1 : testScores[i] == testScores[j] ? 0.5 : 0;
          pairs++;
        }
      }
    }
    return wins / pairs;
  }
}
