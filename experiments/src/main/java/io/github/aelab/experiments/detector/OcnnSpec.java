package io.github.aelab.experiments.detector;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.deep.OneClassNeuralNetwork;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.util.Objects;

/**
 * OC-NN in two stages, as in the paper: {@code training.pretraining}, when present, trains the
 * whole autoencoder on reconstruction (its epochs, optimizer and batch size); then training's own
 * optimizer, epochs and batch size train the encoder and the one-class head.
 */
@Doc("one-class neural network (Chalapathy et al. 2018): a one-hidden-layer head on the pretrained encoder, "
    + "trained on the OC-NN objective; training.pretraining pretrains the autoencoder")
public record OcnnSpec(
    @Doc("width of the head's hidden layer") @DefaultValue("32") int hidden,
    @Doc("its activation (the paper: linear or sigmoid)") @DefaultValue("sigmoid") Activation activation,
    @Doc("the fraction of training rows allowed outside, in (0, 1)") @DefaultValue("0.1") double nu)
    implements DetectorSpec {
  public OcnnSpec {
    Objects.requireNonNull(activation, "activation");
    if (hidden < 1) {
      throw new IllegalArgumentException("hidden must be >= 1, found " + hidden);
    }
    if (!(nu > 0 && nu < 1)) {
      throw new IllegalArgumentException("nu must be in (0, 1), found " + nu);
    }
  }

  @Override
  public Detector create(DetectorTraining training) {
    training.requireNoRegularizers("ocnn");
    return new OneClassNeuralNetwork(training.model(), hidden, activation, nu, training.plan().pretraining(),
        training.plan().fit(), training.runtime());
  }
}
