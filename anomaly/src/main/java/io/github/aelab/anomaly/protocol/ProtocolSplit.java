package io.github.aelab.anomaly.protocol;

import io.github.aelab.anomaly.metric.AnomalyLabels;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Scaler;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The rows a protocol hands to a detector and to the metrics: fit on {@code train}, score
 * {@code test}, compare with {@code testIsAnomaly}.
 *
 * @param train         the rows to fit on (their labels, if any, must not be used by detectors)
 * @param test          the rows to score
 * @param testIsAnomaly the truth for every test row
 * @param description   how the split was made, for logs and run records
 * @param scaler        how the protocol rescaled both parts (fitted on the training part), or null
 *                      when the features are used as given; new rows scored by the fitted detector
 *                      must be rescaled the same way, so a run records it
 */
public record ProtocolSplit(Dataset train, Dataset test, boolean[] testIsAnomaly, String description, Scaler scaler) {

  public ProtocolSplit {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(description, "description");
    if (train.cols() != test.cols()) {
      throw new IllegalArgumentException("train and test must have the same columns, found " + train.cols()
          + " and " + test.cols());
    }
    if (testIsAnomaly.length != test.rows()) {
      throw new IllegalArgumentException("testIsAnomaly must have one entry per test row (" + test.rows()
          + "), found " + testIsAnomaly.length);
    }
    testIsAnomaly = testIsAnomaly.clone();
  }

  /** A split whose features are used as given. */
  public ProtocolSplit(Dataset train, Dataset test, boolean[] testIsAnomaly, String description) {
    this(train, test, testIsAnomaly, description, null);
  }

  /** The protocol's rescaling of the features, if it had one. */
  public Optional<Scaler> scaling() {
    return Optional.ofNullable(scaler);
  }

  /** A copy of the truth for the test rows. */
  @Override
  public boolean[] testIsAnomaly() {
    return testIsAnomaly.clone();
  }

  /** Number of anomalous test rows. */
  public int testAnomalies() {
    return AnomalyLabels.count(testIsAnomaly);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProtocolSplit that
        && train.equals(that.train)
        && test.equals(that.test)
        && Arrays.equals(testIsAnomaly, that.testIsAnomaly)
        && description.equals(that.description)
        && Objects.equals(scaler, that.scaler);
  }

  @Override
  public int hashCode() {
    return Objects.hash(train, test, Arrays.hashCode(testIsAnomaly), description, scaler);
  }

  @Override
  public String toString() {
    return "ProtocolSplit[" + description + "]";
  }
}
