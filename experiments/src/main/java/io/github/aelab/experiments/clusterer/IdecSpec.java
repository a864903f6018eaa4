package io.github.aelab.experiments.clusterer;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.deep.Dec;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.nio.file.Path;

/**
 * IDEC: DEC whose clustering phase keeps the decoder and trains on the reconstruction loss plus γ
 * times DEC's clustering loss ({@link Dec.Objective#idec}), so the codes keep the data's local
 * structure. Pretraining and the clustering phase's settings are as in {@link DecSpec},
 * {@code pretrained_weights} included (the IDEC paper starts IDEC from DEC's pretrained network).
 */
@Doc("improved DEC (Guo et al. 2017): the autoencoder's reconstruction loss plus clustering_weight times DEC's "
    + "clustering loss, the decoder kept in training")
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
    @Doc("the clustering phase's optimizer (pretraining uses training.optimizer); IDEC's code: Adam 1e-3 (MNIST), "
        + "SGD 0.1, momentum 0.99 (USPS)") @DefaultValue("adam") OptimizerSpec optimizer,
    @Doc("the clustering phase's rows per step (pretraining uses training.batch_size)") @DefaultValue("256")
    int batchSize,
    @Doc("weight γ of DEC's clustering loss KL(P||Q) beside the reconstruction loss's 1, > 0 (the paper and its code: 0.1)")
    @DefaultValue("0.1") double clusteringWeight,
    @Doc("an earlier dec or idec run's pretrained_autoencoder.npz to start from instead of pretraining (training's "
        + "optimizer, epochs and pretraining are then not used); relative to this file")
    @DefaultValue(DefaultValue.NULL) Path pretrainedWeights)
    implements ClustererSpec {
  public IdecSpec {
    dec(clusters, alpha, epochsPerRefresh, stepsPerRefresh, maxRefreshes, tolerance, kmeansRestarts, optimizer, batchSize); // DEC's checks
    if (!(clusteringWeight > 0 && Double.isFinite(clusteringWeight))) {
      throw new IllegalArgumentException("clustering_weight must be > 0 (γ, the weight of DEC's clustering loss beside "
          + "the reconstruction loss's 1), found " + clusteringWeight);
    }
  }

  /** IDEC that pretrains its own autoencoder. */
  public IdecSpec(int clusters, double alpha, int epochsPerRefresh, int stepsPerRefresh, int maxRefreshes,
      double tolerance, int kmeansRestarts, OptimizerSpec optimizer, int batchSize, double clusteringWeight) {
    this(clusters, alpha, epochsPerRefresh, stepsPerRefresh, maxRefreshes, tolerance, kmeansRestarts, optimizer,
        batchSize, clusteringWeight, null);
  }

  @Override
  public Clusterer create(ClustererTraining training) {
    return dec(clusters, alpha, epochsPerRefresh, stepsPerRefresh, maxRefreshes, tolerance, kmeansRestarts, optimizer, batchSize)
        .dec(training, Dec.Objective.idec(clusteringWeight));
  }

  private static DecSpec dec(int clusters, double alpha, int epochsPerRefresh, int stepsPerRefresh, int maxRefreshes,
      double tolerance, int kmeansRestarts, OptimizerSpec optimizer, int batchSize) {
    return new DecSpec(clusters, alpha, epochsPerRefresh, stepsPerRefresh, maxRefreshes, tolerance, kmeansRestarts,
        optimizer, batchSize);
  }
}
