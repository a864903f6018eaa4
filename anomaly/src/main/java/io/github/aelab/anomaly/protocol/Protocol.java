package io.github.aelab.anomaly.protocol;

import io.github.aelab.anomaly.Threshold;
import io.github.aelab.core.data.Dataset;
import java.util.Optional;

/**
 * A named evaluation procedure from the literature: which rows a detector is fitted on, which it is
 * scored on, how features are rescaled, and (for protocols that report F1) how scores become
 * flags. Results are only comparable with a paper's table when they follow its protocol, so the
 * procedures are values with names rather than options scattered over a benchmark.
 *
 * <p>Anomaly datasets label rows 1 = anomaly, 0 = normal (ODDS, ADBench); MNIST-style datasets
 * label digits and name the normal class instead.
 */
public sealed interface Protocol permits UnsupervisedHoldout, OneClass, OneClassInFileOrder, TopKF1,
    OneClassMnist {

  /** The registry name, e.g. {@code "unsupervised_holdout"}. */
  String name();

  /**
   * Splits the data. Protocols that split one dataset take it as {@code data} and need
   * {@code test} to be {@code null}; protocols over a published train/test pair need both.
   */
  ProtocolSplit split(Dataset data, Dataset test, long seed);

  /** Splits one dataset. */
  default ProtocolSplit split(Dataset data, long seed) {
    return split(data, null, seed);
  }

  /**
   * The threshold that turns test scores into flags for the protocol's F1, if it reports one;
   * empty for protocols that report only ranking metrics (ROC-AUC, average precision).
   */
  default Optional<Threshold> threshold(ProtocolSplit split) {
    return Optional.empty();
  }

  /**
   * The protocol with {@code name} and its published settings; {@code one_class_mnist} also needs
   * the normal digit, so it is made with {@code new OneClassMnist(digit)} instead.
   */
  static Protocol named(String name) {
    return switch (name) {
      case UnsupervisedHoldout.NAME -> UnsupervisedHoldout.pyod();
      case UnsupervisedHoldout.STRATIFIED_NAME -> UnsupervisedHoldout.pyodStratified();
      case OneClass.NAME -> OneClass.adbench();
      case OneClassInFileOrder.NAME -> OneClassInFileOrder.dte();
      case TopKF1.NAME -> TopKF1.dagmm();
      case OneClassMnist.NAME -> throw new IllegalArgumentException(
          "protocol \"one_class_mnist\" needs a normal digit: use new OneClassMnist(digit)");
      default -> throw new IllegalArgumentException("unknown protocol \"" + name + "\"; expected one of "
          + UnsupervisedHoldout.NAME + ", " + UnsupervisedHoldout.STRATIFIED_NAME + ", " + OneClass.NAME + ", "
          + OneClassInFileOrder.NAME + ", " + TopKF1.NAME + ", " + OneClassMnist.NAME);
    };
  }
}
