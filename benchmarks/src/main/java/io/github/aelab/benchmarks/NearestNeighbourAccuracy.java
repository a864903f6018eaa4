package io.github.aelab.benchmarks;

import java.util.stream.IntStream;

/**
 * How well low-dimensional codes keep neighbourhoods: the accuracy of a k-nearest-neighbour vote
 * (Euclidean) that labels each test code from the training codes. Exact, by brute force over
 * every training row, in parallel over the test rows; each test row's result depends only on
 * the data, so the accuracy does not depend on thread scheduling.
 *
 * <p>Nearer rows win ties in distance by lower training index; a tied vote goes to the tied
 * label whose member ranks nearest (so k = 1 and a clear majority behave as expected, and the
 * answer never depends on label order).
 */
final class NearestNeighbourAccuracy {

  private NearestNeighbourAccuracy() {}

  /**
   * The share of test rows whose k-NN vote among the training rows gives their own label. Codes
   * are row-major with {@code width} values per row.
   */
  static double of(float[] trainCodes, int[] trainLabels, float[] testCodes, int[] testLabels, int width, int k) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1, found " + width);
    }
    if (trainCodes.length != (long) trainLabels.length * width || testCodes.length != (long) testLabels.length * width) {
      throw new IllegalArgumentException("codes must hold one row of " + width + " values per label: train "
          + trainCodes.length + " values for " + trainLabels.length + " labels, test " + testCodes.length
          + " values for " + testLabels.length + " labels");
    }
    if (k < 1 || k > trainLabels.length) {
      throw new IllegalArgumentException("k must be in 1.." + trainLabels.length + " (the training rows), found " + k);
    }
    if (testLabels.length == 0) {
      throw new IllegalArgumentException("there are no test rows to classify");
    }
    long correct = IntStream.range(0, testLabels.length).parallel()
        .filter(t -> vote(trainCodes, trainLabels, testCodes, t, width, k) == testLabels[t])
        .count();
    return (double) correct / testLabels.length;
  }

  /** The k-NN label of test row {@code t}. */
  static int vote(float[] trainCodes, int[] trainLabels, float[] testCodes, int t, int width, int k) {
    // The k nearest so far, sorted by distance; a later row must be strictly nearer to enter,
    // which keeps the lower index first among equal distances.
    double[] bestDistance = new double[k];
    int[] bestRow = new int[k];
    java.util.Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
    int offset = t * width;
    int rows = trainLabels.length;
    for (int r = 0; r < rows; r++) {
      int base = r * width;
      double distance = 0;
      for (int c = 0; c < width; c++) {
        double d = testCodes[offset + c] - trainCodes[base + c];
        distance += d * d;
      }
      if (distance < bestDistance[k - 1]) {
        int i = k - 1;
        while (i > 0 && bestDistance[i - 1] > distance) {
          bestDistance[i] = bestDistance[i - 1];
          bestRow[i] = bestRow[i - 1];
          i--;
        }
        bestDistance[i] = distance;
        bestRow[i] = r;
      }
    }
    java.util.Map<Integer, Integer> votes = new java.util.HashMap<>();
    for (int i = 0; i < k; i++) {
      votes.merge(trainLabels[bestRow[i]], 1, Integer::sum);
    }
    int most = java.util.Collections.max(votes.values());
    for (int i = 0; i < k; i++) { // nearest first: the first label with the most votes wins the tie
      if (votes.get(trainLabels[bestRow[i]]) == most) {
        return trainLabels[bestRow[i]];
      }
    }
    throw new AssertionError("a label with the most votes is among the neighbours");
  }
}
