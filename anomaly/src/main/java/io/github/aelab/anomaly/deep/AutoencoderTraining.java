package io.github.aelab.anomaly.deep;

import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.regularize.Regularizer;
import java.util.List;
import java.util.Objects;

/**
 * The autoencoder a deep detector builds on and how it is trained: shape, regularizers (any of the
 * models module's: noise, sparsity, contractive, variational, adversarial), the plan, the runtime.
 */
public record AutoencoderTraining(AutoencoderSpec spec, List<Regularizer> regularizers, AutoencoderSession.Plan plan,
    RuntimeSettings runtime) {
  public AutoencoderTraining {
    Objects.requireNonNull(spec, "spec");
    regularizers = List.copyOf(regularizers);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(runtime, "runtime");
    for (Regularizer r : regularizers) {
      r.check(spec);
    }
  }

  /** No regularizers, Adam, no pretraining, TensorFlow's default threads. */
  public static AutoencoderTraining of(AutoencoderSpec spec, FitSpec fit) {
    return new AutoencoderTraining(spec, List.of(), AutoencoderSession.Plan.of(fit), RuntimeSettings.defaults());
  }

  /** The same training with other regularizers. */
  public AutoencoderTraining withRegularizers(List<Regularizer> newRegularizers) {
    return new AutoencoderTraining(spec, newRegularizers, plan, runtime);
  }

  /** Builds the session and trains it on {@code rows}, reporting to {@code listeners}. */
  AutoencoderSession train(float[] rows, long seed, List<TrainingListener> listeners) {
    AutoencoderSession session = AutoencoderSession.create(spec, regularizers, plan, seed, runtime,
        rows.length / spec.inputDim());
    try {
      session.fit(rows, null, listeners, null);
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  void requireInput(io.github.aelab.core.data.Dataset data, String detector) {
    if (data.cols() != spec.inputDim()) {
      throw new IllegalArgumentException(detector + "'s autoencoder takes " + spec.inputDim() + " features, the data '"
          + data.name() + "' has " + data.cols());
    }
  }
}
