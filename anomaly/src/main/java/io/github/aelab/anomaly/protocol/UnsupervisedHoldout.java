package io.github.aelab.anomaly.protocol;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.Splits;
import io.github.aelab.core.data.ZScoreScaler;

/**
 * PyOD's benchmark protocol: a random {@code trainFraction} of all rows (60% in PyOD) for fitting,
 * the rest for testing, regardless of labels, so the training part keeps its share of anomalies
 * and the detector must cope with contaminated data. Both parts are z-scored with the training
 * part's mean and standard deviation (PyOD's {@code standardizer}).
 *
 * <p>PyOD draws the split without looking at the labels, so on a set with few anomalies a seed
 * can leave none in the test part (ODDS lympho, 6 of 148 rows: seeds 4 and 8 of 10), and ROC-AUC
 * is then undefined. The {@code stratified} variant ({@value #STRATIFIED_NAME}) draws the split per
 * label, as scikit-learn's {@code train_test_split(..., stratify=y)} and ADBench do, so both parts
 * keep the data's share of anomalies.
 *
 * @param trainFraction share of rows used for fitting, in (0, 1)
 * @param stratified whether the split keeps each label's share in both parts
 */
public record UnsupervisedHoldout(double trainFraction, boolean stratified) implements Protocol {

  public static final String NAME = "unsupervised_holdout";
  public static final String STRATIFIED_NAME = "stratified_holdout";

  public UnsupervisedHoldout {
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException("trainFraction must be in (0, 1), found " + trainFraction);
    }
  }

  /** A split that ignores the labels, as PyOD's. */
  public UnsupervisedHoldout(double trainFraction) {
    this(trainFraction, false);
  }

  /** PyOD's 60/40 split. */
  public static UnsupervisedHoldout pyod() {
    return new UnsupervisedHoldout(0.6);
  }

  /** PyOD's 60/40 split, drawn per label. */
  public static UnsupervisedHoldout pyodStratified() {
    return new UnsupervisedHoldout(0.6, true);
  }

  /** The rows this protocol fits on for data of {@code normals} normal rows and {@code anomalies} anomalies. */
  public int trainRows(int normals, int anomalies) {
    return stratified
        ? Splits.trainRows(normals, trainFraction) + Splits.trainRows(anomalies, trainFraction)
        : Splits.trainRows(normals + anomalies, trainFraction);
  }

  @Override
  public String name() {
    return stratified ? STRATIFIED_NAME : NAME;
  }

  @Override
  public ProtocolSplit split(Dataset data, Dataset test, long seed) {
    ProtocolInputs.requireSingleLabelled(name(), data, test);
    // Checked on all rows before splitting, so a bad label fails whichever part it would land in.
    ProtocolInputs.anomalyFlags(data);
    Split split = stratified
        ? Splits.stratified(data, trainFraction, seed)
        : Splits.trainTest(data, trainFraction, seed);
    ZScoreScaler scaler = ZScoreScaler.fit(split.train());
    Split scaled = split.transform(scaler);
    return new ProtocolSplit(scaled.train(), scaled.test(), ProtocolInputs.anomalyFlags(scaled.test()),
        name() + ": random " + Math.round(trainFraction * 100) + "/" + Math.round((1 - trainFraction) * 100)
            + (stratified ? " split per label" : " split") + " of '" + data.name() + "' (seed " + seed + "), "
            + split.train().rows() + " train rows with their anomalies, " + split.test().rows()
            + " test rows; z-scored with the train statistics", scaler);
  }
}
