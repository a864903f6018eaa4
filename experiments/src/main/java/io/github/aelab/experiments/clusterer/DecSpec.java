package io.github.aelab.experiments.clusterer;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.deep.Dec;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.core.train.FitSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * DEC in the paper's two phases: the experiment's training plan pretrains the autoencoder
 * ({@code training.pretraining} layer-wise, then its optimizer, epochs and batch size end to end;
 * the regularizers' noise makes it denoising), then this section's {@code optimizer} and
 * {@code batch_size} run the clustering phase. They are separate because the phases want
 * different settings: the papers pretrain for hundreds of epochs, then cluster in batches of 256
 * for as long as assignments keep changing, DEC with SGD 0.01 / momentum 0.9 (DEC-keras' DEC.py, on
 * every data set; the default here). With
 * {@code pretrained_weights} the first phase is replaced by an earlier run's pretrained network.
 */
@Doc("deep embedded clustering (Xie, Girshick & Farhadi 2016): k-means on the pretrained codes starts the centres, "
    + "then the encoder and centres train on KL(P||Q) against a sharpened target refreshed every few epochs")
public record DecSpec(
    @Doc("number of clusters") int clusters,
    @Doc("degrees of freedom of the Student-t kernel") @DefaultValue("1.0") double alpha,
    @Doc("clustering epochs between refreshes of the target distribution") @DefaultValue("1") int epochsPerRefresh,
    @Doc("minibatch steps between refreshes instead (the paper's T; DEC-keras: 30 on USPS, 140 on MNIST); 0: by epochs")
    @DefaultValue("0") int stepsPerRefresh,
    @Doc("cap on target refreshes") @DefaultValue("200") int maxRefreshes,
    @Doc("stop when fewer than this fraction of rows changed cluster since the last refresh, in [0, 1)")
    @DefaultValue("0.001") double tolerance,
    @Doc("k-means restarts on the pretrained codes (the best is kept)") @DefaultValue("20") int kmeansRestarts,
    @Doc("the clustering phase's optimizer (pretraining uses training.optimizer); DEC-keras': SGD 0.01, momentum 0.9")
    @DefaultValue("{type: sgd, learning_rate: 0.01, momentum: 0.9}") OptimizerSpec optimizer,
    @Doc("the clustering phase's rows per step (pretraining uses training.batch_size)") @DefaultValue("256")
    int batchSize,
    @Doc("an earlier dec or idec run's pretrained_autoencoder.npz to start from instead of pretraining (training's "
        + "optimizer, epochs and pretraining are then not used); relative to this file")
    @DefaultValue(DefaultValue.NULL) Path pretrainedWeights) implements ClustererSpec {
  public DecSpec {
    Objects.requireNonNull(optimizer, "optimizer");
    if (clusters < 2) {
      throw new IllegalArgumentException("clusters must be >= 2, found " + clusters);
    }
    if (!(alpha > 0)) {
      throw new IllegalArgumentException("alpha must be > 0, found " + alpha);
    }
    if (epochsPerRefresh < 1) {
      throw new IllegalArgumentException("epochs_per_refresh must be >= 1, found " + epochsPerRefresh);
    }
    if (stepsPerRefresh < 0) {
      throw new IllegalArgumentException("steps_per_refresh must be >= 0 (0: refresh by epochs), found " + stepsPerRefresh);
    }
    if (stepsPerRefresh > 0 && epochsPerRefresh != 1) {
      throw new IllegalArgumentException("set steps_per_refresh or epochs_per_refresh, not both; found "
          + stepsPerRefresh + " steps and " + epochsPerRefresh + " epochs");
    }
    if (maxRefreshes < 1) {
      throw new IllegalArgumentException("max_refreshes must be >= 1, found " + maxRefreshes);
    }
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), found " + tolerance);
    }
    if (kmeansRestarts < 1) {
      throw new IllegalArgumentException("kmeans_restarts must be >= 1, found " + kmeansRestarts);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch_size must be >= 1, found " + batchSize);
    }
  }

  /** DEC that pretrains its own autoencoder. */
  public DecSpec(int clusters, double alpha, int epochsPerRefresh, int stepsPerRefresh, int maxRefreshes,
      double tolerance, int kmeansRestarts, OptimizerSpec optimizer, int batchSize) {
    this(clusters, alpha, epochsPerRefresh, stepsPerRefresh, maxRefreshes, tolerance, kmeansRestarts, optimizer,
        batchSize, null);
  }

  @Override
  public Clusterer create(ClustererTraining training) {
    return dec(training, Dec.Objective.DEC);
  }

  /** DEC, or with IDEC's objective IDEC, on the experiment's autoencoder and plan. */
  Dec dec(ClustererTraining training, Dec.Objective objective) {
    FitSpec clustering = new FitSpec(optimizer, null, epochsPerRefresh, batchSize, null, null);
    return new Dec(training.model(), training.regularizers(), training.plan(), clusters, alpha, objective,
        clustering, epochsPerRefresh, stepsPerRefresh, maxRefreshes, tolerance, kmeansRestarts, training.runtime());
  }
}
