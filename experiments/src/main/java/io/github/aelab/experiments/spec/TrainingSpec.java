package io.github.aelab.experiments.spec;

import io.github.aelab.core.optim.LearningRateSchedule;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.core.train.EarlyStopping;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.models.AutoencoderSession;

@Doc("how the model is trained")
public record TrainingSpec(
    @Doc("the optimizer: {type: adam|sgd|rmsprop, ...}") @DefaultValue("adam") OptimizerSpec optimizer,
    @Doc("learning-rate schedule: constant, {type: step, ...}, {type: cosine, ...}") @DefaultValue("constant") LearningRateSchedule schedule,
    @Doc("maximum number of epochs") int epochs,
    @Doc("rows per step") @DefaultValue("64") int batchSize,
    @Doc("clip gradients to this global L2 norm; null for none") @DefaultValue(DefaultValue.NULL) Double clipNorm,
    @Doc("stop when the validation loss stops improving") @DefaultValue(DefaultValue.NULL) EarlyStopping earlyStopping,
    @Doc("greedy layer-wise pretraining before fine-tuning") @DefaultValue(DefaultValue.NULL) Pretraining pretraining,
    @Doc("write a checkpoint every N epochs") @DefaultValue("10") int checkpointEvery) {
  public TrainingSpec {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, found " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch_size must be >= 1, found " + batchSize);
    }
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException("checkpoint_every must be >= 1, found " + checkpointEvery);
    }
  }

  @Doc("greedy layer-wise pretraining (Hinton & Salakhutdinov 2006): each layer pair in turn")
  public record Pretraining(
      @Doc("epochs per layer") int epochs,
      @Doc("the optimizer for pretraining") @DefaultValue("adam") OptimizerSpec optimizer,
      @Doc("rows per step") @DefaultValue("64") int batchSize) {
    public Pretraining {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be >= 1, found " + epochs);
      }
    }
  }

  /** The plan the model session runs. */
  public AutoencoderSession.Plan plan() {
    FitSpec fit = new FitSpec(optimizer, schedule, epochs, batchSize, clipNorm, earlyStopping);
    FitSpec pre = pretraining == null ? null
        : new FitSpec(pretraining.optimizer(), null, pretraining.epochs(), pretraining.batchSize(), clipNorm, null);
    return new AutoencoderSession.Plan(pre, fit);
  }
}
