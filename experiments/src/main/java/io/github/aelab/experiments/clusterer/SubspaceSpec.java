package io.github.aelab.experiments.clusterer;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.subspace.SubspaceClustering;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.core.train.FitSpec;
import java.util.Objects;

/**
 * Deep subspace clustering ({@link SubspaceClustering}) as an experiment declares it: the
 * experiment's autoencoder, pretrained by {@code training} (optimizer, epochs, batch size), then
 * trained jointly with the self-expressive layer for this section's {@code epochs} with its
 * {@code optimizer}, one step per epoch on all rows (the layer ties every row to every other).
 * Small data only: at most {@value SubspaceClustering#MAX_ROWS} rows.
 */
@Doc("deep subspace clustering (Ji et al. 2017; Peng et al. 2018): a self-expressive layer Z = CZ between encoder "
    + "and decoder, spectral clustering on |C| + |C|^T; for data on a union of subspaces, at most 2000 rows")
public record SubspaceSpec(
    @Doc("number of subspaces") int clusters,
    @Doc("weight of the ridge on the coefficients C (lambda 1)") @DefaultValue("1.0") double coefficientWeight,
    @Doc("weight of the self-expression error ||Z - CZ||^2 (lambda 2)") @DefaultValue("1.0") double selfExpressionWeight,
    @Doc("joint training steps, each on all rows (training.epochs pretrains the autoencoder)") @DefaultValue("300")
    int epochs,
    @Doc("the joint phase's optimizer") @DefaultValue("{type: adam, learning_rate: 0.01}") OptimizerSpec optimizer,
    @Doc("k-means restarts inside the spectral clustering") @DefaultValue("10") int kmeansRestarts)
    implements ClustererSpec {
  public SubspaceSpec {
    Objects.requireNonNull(optimizer, "optimizer");
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, found " + epochs);
    }
  }

  @Override
  public Clusterer create(ClustererTraining training) {
    if (!training.regularizers().isEmpty()) {
      throw new IllegalArgumentException("deep_subspace trains its own objective on a plain autoencoder; "
          + "regularizers do not apply to it (remove the regularizers section)");
    }
    if (training.plan().pretraining() != null) {
      throw new IllegalArgumentException("deep_subspace pretrains its autoencoder end to end with training's "
          + "optimizer and epochs; training.pretraining (layer-wise) does not apply to it");
    }
    // The batch size is replaced by the row count: each joint step sees every row.
    FitSpec joint = new FitSpec(optimizer, null, epochs, 1, null, null);
    return new SubspaceClustering(training.model(), clusters, coefficientWeight, selfExpressionWeight,
        training.plan().fit(), joint, kmeansRestarts, training.runtime());
  }
}
