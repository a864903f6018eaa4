package io.github.aelab.experiments.clusterer;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.nio.file.Path;

/**
 * IDEC: DEC whose clustering phase keeps the decoder and adds γ times the reconstruction loss, so
 * the codes keep the data's local structure. Pretraining and the clustering phase's settings are
 * as in {@link DecSpec}, {@code pretrained_weights} included (the IDEC paper starts IDEC from DEC's
 * pretrained network).
 */
@Doc("improved DEC (Guo et al. 2017): DEC's clustering loss plus reconstruction_weight times the autoencoder's "
    + "reconstruction loss, the decoder kept in training")
public record IdecSpec(
    @Doc("number of clusters") int clusters,
    @Doc("degrees of freedom of the Student-t kernel") @DefaultValue("1.0") double alpha,
    @Doc("clustering epochs between refreshes of the target distribution") @DefaultValue("1") int epochsPerRefresh,
    @Doc("minibatch steps between refreshes instead (the paper's T; DEC-keras: 30 on USPS, 140 on MNIST); 0: by epochs")
    @DefaultValue("0") int stepsPerRefresh,
    @Doc("cap on target refreshes") @DefaultValue("200") int maxRefreshes,
    @Doc("stop when fewer than this fraction of rows changed cluster since the last refresh, in [0, 1)")
    @DefaultValue("0.001") double tolerance,
    @Doc("k-means restarts on the pretrained codes (the best is kept)") @DefaultValue("20") int kmeansRestarts,
    @Doc("the clustering phase's optimizer (pretraining uses training.optimizer)") @DefaultValue("adam")
    OptimizerSpec optimizer,
    @Doc("the clustering phase's rows per step (pretraining uses training.batch_size)") @DefaultValue("256")
    int batchSize,
    @Doc("weight γ of the reconstruction loss, > 0 (the paper: 0.1)") @DefaultValue("0.1") double reconstructionWeight,
    @Doc("an earlier dec or idec run's pretrained_autoencoder.npz to start from instead of pretraining (training's "
        + "optimizer, epochs and pretraining are then not used); relative to this file")
    @DefaultValue(DefaultValue.NULL) Path pretrainedWeights)
    implements ClustererSpec {
  public IdecSpec {
    dec(clusters, alpha, epochsPerRefresh, stepsPerRefresh, maxRefreshes, tolerance, kmeansRestarts, optimizer, batchSize); // DEC's checks
    if (!(reconstructionWeight > 0)) {
      // γ = 0 is DEC itself; saying so beats running DEC under IDEC's name.
      throw new IllegalArgumentException("reconstruction_weight must be > 0 (with 0 it is type dec), found "
          + reconstructionWeight);
    }
  }

  /** IDEC that pretrains its own autoencoder. */
  public IdecSpec(int clusters, double alpha, int epochsPerRefresh, int stepsPerRefresh, int maxRefreshes,
      double tolerance, int kmeansRestarts, OptimizerSpec optimizer, int batchSize, double reconstructionWeight) {
    this(clusters, alpha, epochsPerRefresh, stepsPerRefresh, maxRefreshes, tolerance, kmeansRestarts, optimizer,
        batchSize, reconstructionWeight, null);
  }

  @Override
  public Clusterer create(ClustererTraining training) {
    return dec(clusters, alpha, epochsPerRefresh, stepsPerRefresh, maxRefreshes, tolerance, kmeansRestarts, optimizer, batchSize)
        .dec(training, reconstructionWeight);
  }

  private static DecSpec dec(int clusters, double alpha, int epochsPerRefresh, int stepsPerRefresh, int maxRefreshes,
      double tolerance, int kmeansRestarts, OptimizerSpec optimizer, int batchSize) {
    return new DecSpec(clusters, alpha, epochsPerRefresh, stepsPerRefresh, maxRefreshes, tolerance, kmeansRestarts,
        optimizer, batchSize);
  }
}
