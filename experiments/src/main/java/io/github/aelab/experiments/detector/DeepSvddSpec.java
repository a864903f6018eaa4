package io.github.aelab.experiments.detector;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.deep.DeepSvdd;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;

/**
 * Deep SVDD in two stages, as in the paper: {@code training.pretraining}, when present, trains the
 * whole autoencoder on reconstruction; then training's own optimizer, epochs and batch size pull
 * the codes towards the centre. The paper's warning applies to the model: use dense blocks with
 * {@code use_bias: false} and unbounded activations (relu family), or the encoder can collapse.
 */
@Doc("one-class Deep SVDD (Ruff et al. 2018): the pretrained encoder maps training rows close to a centre; "
    + "a row's score is its squared distance to it")
public record DeepSvddSpec(
    @Doc("weight decay on the encoder's weights (lambda)") @DefaultValue("1.0e-6") double weightDecay)
    implements DetectorSpec {
  public DeepSvddSpec {
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("weight_decay must be >= 0, found " + weightDecay);
    }
  }

  @Override
  public Detector create(DetectorTraining training) {
    training.requireNoRegularizers("deep_svdd");
    return new DeepSvdd(training.model(), weightDecay, training.plan().pretraining(), training.plan().fit(),
        training.runtime());
  }
}
