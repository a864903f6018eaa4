package io.github.aelab.experiments.spec;

import io.github.aelab.anomaly.protocol.OneClassMnist;
import io.github.aelab.anomaly.protocol.Protocol;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.util.List;
import java.util.Objects;

/**
 * What a run measures besides the model. An autoencoder run compares with {@code baselines}
 * (PCA); a detector run follows a named anomaly {@code protocol} and compares with
 * {@code detector_baselines}, classic detectors fitted and scored on the same split; a clusterer
 * run compares with {@code clustering_baselines}, clusterers fitted on the same rows; a hashing
 * run draws {@code queries} and compares with {@code hashing_baselines}, hash functions fitted on
 * the same database at the same bits. The lists
 * are separate because their names mean different things: {@code pca} in {@code baselines} is
 * PCA's reconstruction at the code's width, in {@code detector_baselines} the PCA anomaly score;
 * {@code gmm} a density score in one and a clustering in the other.
 */
@Doc("what is measured on the test rows besides the model or detector")
public record EvaluationSpec(
    @Doc("autoencoder runs: baselines measured in the same run: pca (at the code's width)") @DefaultValue("[pca]")
    List<Baseline> baselines,
    @Doc("detector runs: the anomaly protocol (unsupervised_holdout, stratified_holdout, one_class,"
        + " one_class_file_order, topk_f1 or one_class_mnist)")
    @DefaultValue(DefaultValue.NULL) AnomalyProtocol protocol,
    @Doc("one_class_mnist: the normal digit, 0..9") @DefaultValue(DefaultValue.NULL) Integer normalDigit,
    @Doc("detector runs: anomaly baselines fitted and scored on the same split (iforest, ocsvm, knn, ...)")
    @DefaultValue("[]") List<String> detectorBaselines,
    @Doc("clusterer runs: clusterers fitted on the same rows: kmeans, gmm (on the features), ae_kmeans (k-means on "
        + "the pretrained codes)") @DefaultValue("[]") List<String> clusteringBaselines,
    @Doc("variational autoencoder runs: importance samples k of test.iwae_nll (Burda et al. 2016 report k = 5000)")
    @DefaultValue("50") int iwaeSamples,
    @Doc("hashing runs: hash functions fitted on the same database rows at the same bits: lsh, pca_itq")
    @DefaultValue("[]") List<String> hashingBaselines,
    @Doc("hashing runs: rows of data.source drawn at random (seeded) as queries, the rest being the database and "
        + "the training rows (the hashing literature's protocol; 1000 when absent); not with data.test_source, whose "
        + "rows are then the queries") @DefaultValue(DefaultValue.NULL) Integer queries,
    @Doc("hashing runs: test.precision_at_N counts the relevant rows among the first N retrieved")
    @DefaultValue("1000") int precisionAt) {
  /** The default of iwae_samples (the annotation above says the same). */
  public static final int DEFAULT_IWAE_SAMPLES = 50;
  /** The default of queries without a test source: the hashing literature's 1,000. */
  public static final int DEFAULT_QUERIES = 1000;
  /** The default of precision_at. */
  public static final int DEFAULT_PRECISION_AT = 1000;

  public EvaluationSpec {
    if (iwaeSamples < 1) {
      throw new IllegalArgumentException("iwae_samples must be >= 1, found " + iwaeSamples);
    }
    if (queries != null && queries < 1) {
      throw new IllegalArgumentException("queries must be >= 1, found " + queries);
    }
    if (precisionAt < 1) {
      throw new IllegalArgumentException("precision_at must be >= 1, found " + precisionAt);
    }
    baselines = List.copyOf(baselines);
    detectorBaselines = List.copyOf(detectorBaselines);
    clusteringBaselines = List.copyOf(clusteringBaselines);
    hashingBaselines = List.copyOf(hashingBaselines);
    if (normalDigit != null && (normalDigit < 0 || normalDigit > 9)) {
      throw new IllegalArgumentException("normal_digit must be in 0..9, found " + normalDigit);
    }
    if (protocol == AnomalyProtocol.ONE_CLASS_MNIST && normalDigit == null) {
      throw new IllegalArgumentException("protocol one_class_mnist needs normal_digit, the digit that is normal");
    }
    if (protocol != AnomalyProtocol.ONE_CLASS_MNIST && normalDigit != null) {
      throw new IllegalArgumentException("normal_digit is for protocol one_class_mnist only, found protocol "
          + (protocol == null ? "none" : protocol.yamlName()));
    }
  }

  /** An autoencoder run's evaluation: these baselines, no anomaly protocol. */
  public EvaluationSpec(List<Baseline> baselines) {
    this(baselines, null, null, List.of(), List.of(), DEFAULT_IWAE_SAMPLES);
  }

  /** Everything but the hashing run's settings, which take their defaults. */
  public EvaluationSpec(List<Baseline> baselines, AnomalyProtocol protocol, Integer normalDigit,
      List<String> detectorBaselines, List<String> clusteringBaselines, int iwaeSamples) {
    this(baselines, protocol, normalDigit, detectorBaselines, clusteringBaselines, iwaeSamples, List.of(), null,
        DEFAULT_PRECISION_AT);
  }

  /** Everything but iwae_samples, which takes its default. */
  public EvaluationSpec(List<Baseline> baselines, AnomalyProtocol protocol, Integer normalDigit,
      List<String> detectorBaselines, List<String> clusteringBaselines) {
    this(baselines, protocol, normalDigit, detectorBaselines, clusteringBaselines, DEFAULT_IWAE_SAMPLES);
  }

  /** A detector run's evaluation under {@code protocol} (not one_class_mnist, which needs a digit). */
  public static EvaluationSpec anomaly(AnomalyProtocol protocol, List<String> detectorBaselines) {
    return new EvaluationSpec(List.of(), Objects.requireNonNull(protocol, "protocol"), null, detectorBaselines,
        List.of());
  }

  /** A clusterer run's evaluation, with these baselines ({@code kmeans}, {@code gmm}, {@code ae_kmeans}). */
  public static EvaluationSpec clustering(List<String> clusteringBaselines) {
    return new EvaluationSpec(List.of(), null, null, List.of(), clusteringBaselines);
  }

  /**
   * A hashing run's evaluation: these baselines ({@code lsh}, {@code pca_itq}), {@code queries}
   * drawn from the source (null: the default, or a test source's rows), precision at
   * {@code precisionAt}.
   */
  public static EvaluationSpec hashing(List<String> hashingBaselines, Integer queries, int precisionAt) {
    return new EvaluationSpec(List.of(), null, null, List.of(), List.of(), DEFAULT_IWAE_SAMPLES, hashingBaselines,
        queries, precisionAt);
  }

  /** The same evaluation without the autoencoder run's baselines, as a detector, clusterer or hashing run has it. */
  public EvaluationSpec withoutAutoencoderBaselines() {
    return new EvaluationSpec(List.of(), protocol, normalDigit, detectorBaselines, clusteringBaselines, iwaeSamples,
        hashingBaselines, queries, precisionAt);
  }

  /** The number of queries a hashing run draws from its source: {@code queries}, or the protocol's 1,000. */
  public int effectiveQueries() {
    return queries == null ? DEFAULT_QUERIES : queries;
  }

  /** The anomaly protocol with its published settings, or null when none is set. */
  public Protocol anomalyProtocol() {
    return protocol == null ? null : protocol.create(normalDigit);
  }

  public enum Baseline {
    PCA
  }

  /** The anomaly module's protocols, by their names there. */
  public enum AnomalyProtocol {
    /** PyOD: random 60/40 split of all rows, anomalies on both sides. */
    UNSUPERVISED_HOLDOUT,
    /** The same 60/40 split drawn per label, so both parts keep the data's share of anomalies. */
    STRATIFIED_HOLDOUT,
    /** ADBench: fit on half of the normal rows, test on the rest and every anomaly. */
    ONE_CLASS,
    /** The DTE paper's split: the first half of the normal rows in file order (ADBench's size rules first). */
    ONE_CLASS_FILE_ORDER,
    /** DAGMM: the one-class split, and F1 when flagging as many rows as there are test anomalies. */
    TOPK_F1,
    /** Deep SVDD: one digit of the training source is normal; the test source is scored. */
    ONE_CLASS_MNIST;

    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the protocol scores a separate test source instead of splitting the source's rows. */
    public boolean needsTestSource() {
      return this == ONE_CLASS_MNIST;
    }

    Protocol create(Integer normalDigit) {
      return this == ONE_CLASS_MNIST ? new OneClassMnist(normalDigit) : Protocol.named(yamlName());
    }
  }
}
