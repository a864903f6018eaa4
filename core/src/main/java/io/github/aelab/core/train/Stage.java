package io.github.aelab.core.train;

import io.github.aelab.core.optim.TrainOp;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * One phase of a training plan: minibatch steps of one or more update rules over the same
 * batches for a number of epochs (pretrain a layer; fine-tune end to end; discriminator and
 * generator updates of an adversarial autoencoder run in one stage, in order, per batch).
 *
 * @param updates run in order on every batch; the first one's loss is the stage's loss
 * @param train feeds of the training rows
 * @param validation feeds of held-out rows, empty for none
 * @param validationLoss scalar evaluated on validation batches (training off); null: the first update's loss
 * @param earlyStopping null for none
 * @param listeners stage-scoped listeners (a head's target refresh, say) besides the trainer's
 */
public record Stage(String name, List<TrainOp> updates, List<Feed> train, List<Feed> validation,
    Operand<TFloat32> validationLoss, int epochs, int batchSize, EarlyStopping earlyStopping,
    List<TrainingListener> listeners) {
  public Stage {
    Objects.requireNonNull(name, "name");
    if (updates == null || updates.isEmpty()) {
      throw new IllegalArgumentException("stage '" + name + "' needs at least one update");
    }
    if (train == null || train.isEmpty()) {
      throw new IllegalArgumentException("stage '" + name + "' needs training feeds");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("stage '" + name + "': epochs must be >= 1, found " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("stage '" + name + "': batch_size must be >= 1, found " + batchSize);
    }
    updates = List.copyOf(updates);
    train = List.copyOf(train);
    validation = validation == null ? List.of() : List.copyOf(validation);
    listeners = listeners == null ? List.of() : List.copyOf(listeners);
    if (validationLoss == null) {
      validationLoss = updates.get(0).loss();
    }
  }

  /** A single-update stage: the common case. */
  public static Stage of(String name, TrainOp update, List<Feed> train, List<Feed> validation, int epochs,
      int batchSize, EarlyStopping earlyStopping) {
    return new Stage(name, List.of(update), train, validation, null, epochs, batchSize, earlyStopping, List.of());
  }

  public boolean hasValidation() {
    return !validation.isEmpty();
  }

  public int trainRows() {
    return train.get(0).rowCount();
  }

  /** Steps per epoch, counting the last partial batch. */
  public int stepsPerEpoch() {
    return (trainRows() + batchSize - 1) / batchSize;
  }
}
