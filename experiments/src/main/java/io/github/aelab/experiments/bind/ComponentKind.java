package io.github.aelab.experiments.bind;

import io.github.aelab.core.block.BlockSpec;
import io.github.aelab.core.optim.LearningRateSchedule;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.experiments.data.DataSourceSpec;
import java.util.Locale;

/**
 * The kinds of pluggable component an experiment file names with {@code {type: name, ...}}.
 * Each kind is one interface; every spec record implementing it is registered under a type name.
 */
public enum ComponentKind {
  BLOCK(BlockSpec.class),
  OPTIMIZER(OptimizerSpec.class),
  SCHEDULE(LearningRateSchedule.class),
  DATA_SOURCE(DataSourceSpec.class),
  REGULARIZER(io.github.aelab.models.regularize.Regularizer.class),
  DETECTOR(io.github.aelab.experiments.detector.DetectorSpec.class),
  CLUSTERER(io.github.aelab.experiments.clusterer.ClustererSpec.class),
  HASHER(io.github.aelab.experiments.hasher.HasherSpec.class);

  private final Class<?> specInterface;

  ComponentKind(Class<?> specInterface) {
    this.specInterface = specInterface;
  }

  public Class<?> specInterface() {
    return specInterface;
  }

  /** The word used in messages and on the command line: "block", "data_source". */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ComponentKind forInterface(Class<?> type) {
    for (ComponentKind k : values()) {
      if (k.specInterface == type) {
        return k;
      }
    }
    return null;
  }

  public static ComponentKind fromWord(String word) {
    for (ComponentKind k : values()) {
      if (k.word().equals(word) || (k.word() + "s").equals(word)) {
        return k;
      }
    }
    return null;
  }
}
