package io.github.aelab.experiments.clusterer;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.latent.AdversarialClustering;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.util.List;
import java.util.Objects;

/**
 * Clustering through an adversarial autoencoder's categorical code ({@link AdversarialClustering})
 * as an experiment declares it: the encoder's ReLU widths and the style code's width (a linear
 * dense code) come from {@code model}, the reconstruction update's optimizer, epochs and batch
 * size from {@code training}; here the discriminators and their optimizers.
 */
@Doc("adversarial-autoencoder clustering (Makhzani et al. 2015): a softmax code of `clusters` units matched to a "
    + "one-hot prior beside the model's linear code as a Gaussian style, three updates per batch")
public record AaeClusteringSpec(
    @Doc("number of clusters (categorical units)") int clusters,
    @Doc("widths of each discriminator's leaky-ReLU layers") @DefaultValue("[500, 500]") List<Integer> discriminatorHidden,
    @Doc("optimizer of the discriminators") @DefaultValue("{type: adam, learning_rate: 0.0005}")
    OptimizerSpec discriminatorOptimizer,
    @Doc("optimizer of the encoder as generator") @DefaultValue("{type: adam, learning_rate: 0.0005}")
    OptimizerSpec generatorOptimizer,
    @Doc("models trained from different seeds; the most uniform cluster usage is kept") @DefaultValue("1") int restarts,
    @Doc("weight of a batch balance term KL(mean y || uniform) in the generator's loss (CatGAN's; 0: the paper's "
        + "objective, which collapsed to a few clusters on MNIST)") @DefaultValue("0") double balanceWeight)
    implements ClustererSpec {
  public AaeClusteringSpec {
    if (clusters < 2) {
      throw new IllegalArgumentException("clusters must be >= 2, found " + clusters);
    }
    discriminatorHidden = List.copyOf(discriminatorHidden);
    for (int w : discriminatorHidden) {
      if (w < 1) {
        throw new IllegalArgumentException("discriminator_hidden widths must all be >= 1, found " + w);
      }
    }
    Objects.requireNonNull(discriminatorOptimizer, "discriminator_optimizer");
    Objects.requireNonNull(generatorOptimizer, "generator_optimizer");
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts must be >= 1, found " + restarts);
    }
    if (!(balanceWeight >= 0) || Double.isInfinite(balanceWeight)) {
      throw new IllegalArgumentException("balance_weight must be >= 0, found " + balanceWeight);
    }
  }

  @Override
  public Clusterer create(ClustererTraining training) {
    var hidden = OwnNetworks.hiddenWidths("aae", training);
    if (!(training.model().code() instanceof DenseBlock.Spec code) || code.activation() != Activation.LINEAR) {
      throw new IllegalArgumentException("model.code: clusterer aae takes a linear dense code as its Gaussian style "
          + "(e.g. {type: dense, units: 5}), found " + training.model().code().type());
    }
    return new AdversarialClustering(clusters, hidden, code.units(), discriminatorHidden, training.model().loss(),
        training.plan().fit(), discriminatorOptimizer, generatorOptimizer, restarts, training.runtime(), balanceWeight);
  }
}
