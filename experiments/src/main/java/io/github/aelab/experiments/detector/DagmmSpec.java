package io.github.aelab.experiments.detector;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.deep.Dagmm;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.util.List;
import java.util.Objects;

/**
 * DAGMM: the experiment's autoencoder is the compression network; training's optimizer, epochs
 * and batch size train both networks jointly (the paper: Adam 1e-4, 200 epochs, batch 1024).
 */
@Doc("deep autoencoding Gaussian mixture (Zong et al. 2018): the autoencoder compresses, an estimation network "
    + "predicts mixture memberships, trained jointly; a row's score is its energy")
public record DagmmSpec(
    @Doc("widths of the estimation network's hidden layers") @DefaultValue("[10]") List<Integer> estimationHidden,
    @Doc("their activation") @DefaultValue("tanh") Activation estimationActivation,
    @Doc("dropout rate after each hidden estimation layer, in [0, 1)") @DefaultValue("0.5") double dropout,
    @Doc("mixture components K") @DefaultValue("4") int components,
    @Doc("weight of the mean energy in the loss (lambda 1), beside the reconstruction error summed over each row's "
        + "features (the paper's)") @DefaultValue("0.1") double lambdaEnergy,
    @Doc("weight of the inverse-covariance-diagonal penalty (lambda 2)") @DefaultValue("0.005") double lambdaCovariance,
    @Doc("added to each covariance diagonal, keeping it positive definite") @DefaultValue("1.0e-6") double jitter)
    implements DetectorSpec {
  public DagmmSpec {
    estimationHidden = List.copyOf(estimationHidden);
    Objects.requireNonNull(estimationActivation, "estimationActivation");
    for (int width : estimationHidden) {
      if (width < 1) {
        throw new IllegalArgumentException("estimation_hidden widths must be >= 1, found " + width);
      }
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), found " + dropout);
    }
    if (components < 1) {
      throw new IllegalArgumentException("components must be >= 1, found " + components);
    }
    if (!(lambdaEnergy >= 0)) {
      throw new IllegalArgumentException("lambda_energy must be >= 0, found " + lambdaEnergy);
    }
    if (!(lambdaCovariance >= 0)) {
      throw new IllegalArgumentException("lambda_covariance must be >= 0, found " + lambdaCovariance);
    }
    if (!(jitter > 0)) {
      throw new IllegalArgumentException("jitter must be > 0, found " + jitter);
    }
  }

  @Override
  public Detector create(DetectorTraining training) {
    training.requireNoRegularizers("dagmm");
    training.requireNoPretraining("dagmm");
    return new Dagmm(training.model(), estimationHidden, estimationActivation, dropout, components, lambdaEnergy,
        lambdaCovariance, jitter, training.plan().fit(), training.runtime());
  }
}
