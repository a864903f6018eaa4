package io.github.aelab.core.train;

import io.github.aelab.core.optim.LearningRateSchedule;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.optim.TrainOp;
import java.util.Objects;

/**
 * How one stage trains: optimizer, schedule, epochs, batch size, clipping, early stopping.
 *
 * @param clipNorm global-norm gradient clipping threshold, null for none
 * @param earlyStopping null for none
 */
public record FitSpec(OptimizerSpec optimizer, LearningRateSchedule schedule, int epochs, int batchSize,
    Double clipNorm, EarlyStopping earlyStopping) {
  public FitSpec {
    Objects.requireNonNull(optimizer, "optimizer");
    if (schedule == null) {
      schedule = new LearningRateSchedule.Constant();
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, found " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch_size must be >= 1, found " + batchSize);
    }
    if (clipNorm != null && !(clipNorm > 0)) {
      throw new IllegalArgumentException("clip_norm must be > 0, found " + clipNorm);
    }
  }

  public static FitSpec adam(double learningRate, int epochs, int batchSize) {
    return new FitSpec(new OptimizerSpec.Adam(learningRate), null, epochs, batchSize, null, null);
  }

  public FitSpec withEpochs(int newEpochs) {
    return new FitSpec(optimizer, schedule, newEpochs, batchSize, clipNorm, earlyStopping);
  }

  public FitSpec withEarlyStopping(EarlyStopping es) {
    return new FitSpec(optimizer, schedule, epochs, batchSize, clipNorm, es);
  }

  public FitSpec withSchedule(LearningRateSchedule s) {
    return new FitSpec(optimizer, s, epochs, batchSize, clipNorm, earlyStopping);
  }

  public FitSpec withClipNorm(Double c) {
    return new FitSpec(optimizer, schedule, epochs, batchSize, c, earlyStopping);
  }

  /** The train-op configuration for {@code trainRows} training rows. */
  public TrainOp.Config trainOpConfig(int trainRows) {
    return new TrainOp.Config(optimizer, schedule, (trainRows + batchSize - 1) / batchSize, clipNorm);
  }
}
