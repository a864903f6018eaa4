package io.github.aelab.experiments.spec;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.util.List;

@Doc("what is measured on the test rows besides the model")
public record EvaluationSpec(
    @Doc("baselines measured in the same run: pca (at the code's width)") @DefaultValue("[pca]") List<Baseline> baselines) {
  public EvaluationSpec {
    baselines = List.copyOf(baselines);
  }

  public enum Baseline {
    PCA
  }
}
