package io.github.aelab.anomaly;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.Rows;
import java.nio.file.Path;

/**
 * A fitted detector whose score is a {@link RowScorer} over each row, plus the training scores
 * computed at fit time. Every classic baseline returns one, so the column check, the
 * float-to-double conversion and saving are written once.
 */
public final class FittedRows implements FittedDetector {

  private final String detector;
  private final int cols;
  private final RowScorer scorer;
  private final double[] trainingScores;

  /**
   * A fitted {@code detector} (its name, for messages) over {@code cols} columns; the training
   * scores are those of the training rows in order.
   */
  public FittedRows(String detector, int cols, RowScorer scorer, double[] trainingScores) {
    this.detector = detector;
    this.cols = cols;
    this.scorer = scorer;
    this.trainingScores = trainingScores.clone();
  }

  /** A fitted detector whose training scores are the scorer's scores of the training rows. */
  public static FittedRows scoringTraining(String detector, double[][] train, RowScorer scorer) {
    return new FittedRows(detector, train[0].length, scorer, scorer.scoreAll(train));
  }

  /** The number of columns the detector was fitted on. */
  public int cols() {
    return cols;
  }

  /** What scores one row. */
  public RowScorer scorer() {
    return scorer;
  }

  @Override
  public double[] trainingScores() {
    return trainingScores.clone();
  }

  @Override
  public double[] score(Dataset rows) {
    if (rows.cols() != cols) {
      throw new IllegalArgumentException(detector + " was fitted on " + cols + " columns, but dataset '" + rows.name()
          + "' has " + rows.cols());
    }
    return scorer.scoreAll(Rows.of(rows));
  }

  /** {@code scorer} applied to each of the {@code rows} rows of the row-major matrix {@code values}. */
  static double[] scoreEach(RowScorer scorer, double[] values, int rows) {
    if (rows == 0) {
      return new double[0];
    }
    double[][] matrix = new double[rows][];
    int width = values.length / rows;
    for (int r = 0; r < rows; r++) {
      matrix[r] = java.util.Arrays.copyOfRange(values, r * width, (r + 1) * width);
    }
    return scorer.scoreAll(matrix);
  }

  @Override
  public void save(Path dir) {
    SavedDetector.write(dir, cols, null, scorer, trainingScores);
  }
}
