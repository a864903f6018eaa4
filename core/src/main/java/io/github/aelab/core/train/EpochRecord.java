package io.github.aelab.core.train;

import java.util.Map;

/**
 * What one epoch of one stage did. {@code validationLoss} is NaN without validation data;
 * {@code updateLosses} holds the mean loss of every update of the stage by its name.
 */
public record EpochRecord(String stage, int epoch, double trainLoss, double validationLoss,
    double learningRate, double seconds, double samplesPerSecond, Map<String, Double> updateLosses) {
  public EpochRecord {
    updateLosses = Map.copyOf(updateLosses);
  }

  /** The loss early stopping watches. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public double monitoredLoss() {
    return Double.isNaN(validationLoss) ? trainLoss : validationLoss;
  }
}
