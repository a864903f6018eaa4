package io.github.aelab.clustering.retrieval;

/**
 * One point of a precision-recall curve traced by Hamming radius: retrieving every database row
 * within {@code radius} of a query gives this precision and recall, each averaged over queries.
 */
public record PrecisionRecallPoint(int radius, double precision, double recall) {

  public PrecisionRecallPoint {
    if (radius < 0) {
      throw new IllegalArgumentException("radius must be >= 0, found " + radius);
    }
    if (!(precision >= 0 && precision <= 1)) {
      throw new IllegalArgumentException("precision must be in [0, 1], found " + precision);
    }
    if (!(recall >= 0 && recall <= 1)) {
      throw new IllegalArgumentException("recall must be in [0, 1], found " + recall);
    }
  }
}
