package io.github.aelab.experiments.spec;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.retrieval.HashingMethod;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.experiments.clusterer.ClustererSpec;
import io.github.aelab.experiments.clusterer.ClustererTraining;
import io.github.aelab.experiments.detector.DetectorSpec;
import io.github.aelab.experiments.detector.DetectorTraining;
import io.github.aelab.experiments.hasher.HasherSpec;
import java.util.Objects;

/**
 * A whole experiment, exactly as an experiment file declares it (after defaults): the records a
 * YAML file binds to and the Java builder produces alike. With a {@code detector} it is a
 * detector run: the detector is built on the model, regularizers and training plan, and
 * {@code evaluation} names its anomaly protocol and baselines. With a {@code clusterer} it is a
 * clusterer run: the clusterer is built on the same, clusters every row of the source, and
 * {@code evaluation} names its clustering baselines. With a {@code hasher} it is a hashing run:
 * the hash function is learned on the database rows and measured by retrieving them for query
 * rows. A run has at most one of the three ({@link #kind()}).
 */
@Doc("an experiment: data, model, detector, clusterer or hasher, training, evaluation and runtime")
public record Experiment(
    @Doc("short name; names the run directory") String name,
    @Doc("what the experiment is for") @DefaultValue("''") String description,
    @Doc("fixes data splits, weights, shuffling and noise") @DefaultValue("42") long seed,
    @Doc("the data") DataSpec data,
    @Doc("the autoencoder") ModelSpec model,
    @Doc("what shapes the representation: noise, sparsity, contraction, ...") @DefaultValue("[]")
    java.util.List<io.github.aelab.models.regularize.Regularizer> regularizers,
    @Doc("an anomaly detector on the autoencoder: {type: reconstruction|code_density|dagmm|ocnn|deep_svdd|rda, ...}; "
        + "absent for a plain autoencoder run") @DefaultValue(DefaultValue.NULL) DetectorSpec detector,
    @Doc("a deep clusterer on the autoencoder: {type: dec|idec, clusters: K, ...}; absent for a plain autoencoder "
        + "run; not with a detector") @DefaultValue(DefaultValue.NULL) ClustererSpec clusterer,
    @Doc("a learned hash function on the autoencoder for retrieval: {type: semantic_hashing, ...} or {type: autoencoder_itq}; bits = the "
        + "code's units; absent for a plain autoencoder run; not with a detector or clusterer")
    @DefaultValue(DefaultValue.NULL) HasherSpec hasher,
    @Doc("the training plan") TrainingSpec training,
    @Doc("what else is measured") @DefaultValue("{}") EvaluationSpec evaluation,
    @Doc("device, threads, XLA, determinism") @DefaultValue("{}") RuntimeSettings runtime) {
  public Experiment {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException("name must be letters, digits, '_', '.' or '-', found '" + name + "'");
    }
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(model, "model");
    regularizers = java.util.List.copyOf(regularizers);
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(runtime, "runtime");
    if ((detector != null ? 1 : 0) + (clusterer != null ? 1 : 0) + (hasher != null ? 1 : 0) > 1) {
      throw new IllegalArgumentException("an experiment has at most one of a detector, a clusterer and a hasher");
    }
    if (detector != null || clusterer != null || hasher != null) {
      // evaluation.baselines is the autoencoder run's PCA comparison, on by default; the other
      // kinds of run compare with their own baselines instead. Emptied here so that the resolved
      // spec says what runs (the loader refuses a file that lists baselines beside one).
      evaluation = evaluation.withoutAutoencoderBaselines();
    }
  }

  /** What the run does, by the head it has. */
  public enum Kind {
    AUTOENCODER, DETECTOR, CLUSTERER, HASHER;

    /** The word messages use: "a detector run". */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Kind kind() {
    return detector != null ? Kind.DETECTOR : clusterer != null ? Kind.CLUSTERER
        : hasher != null ? Kind.HASHER : Kind.AUTOENCODER;
  }

  /**
   * The experiment's hash function, learning codes of the model's code width from rows of
   * {@code inputDim} values but not fitted; throws when there is none, or when the model or
   * training does not suit it.
   */
  public HashingMethod buildHasher(int inputDim) {
    if (hasher == null) {
      throw new IllegalStateException("experiment '" + name + "' has no hasher");
    }
    return hasher.create(model.toAutoencoder(inputDim), training.plan(), runtime);
  }

  /**
   * The experiment's detector, configured for rows of {@code inputDim} values but not fitted;
   * throws when there is none, or when the model or training does not suit it.
   */
  public Detector buildDetector(int inputDim) {
    if (detector == null) {
      throw new IllegalStateException("experiment '" + name + "' has no detector");
    }
    return detector.create(new DetectorTraining(model.toAutoencoder(inputDim), regularizers, training.plan(), runtime));
  }

  /**
   * The experiment's clusterer, configured for rows of {@code inputDim} values but not fitted;
   * throws when there is none, or when the model or training does not suit it.
   */
  public Clusterer buildClusterer(int inputDim) {
    if (clusterer == null) {
      throw new IllegalStateException("experiment '" + name + "' has no clusterer");
    }
    return clusterer.create(new ClustererTraining(model.toAutoencoder(inputDim), regularizers, training.plan(),
        runtime));
  }
}
