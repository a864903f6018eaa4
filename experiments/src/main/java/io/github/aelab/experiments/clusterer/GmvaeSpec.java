package io.github.aelab.experiments.clusterer;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.latent.CategoricalKl;
import io.github.aelab.clustering.latent.Gmvae;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.models.latent.GaussianCodeBlock;

/**
 * The Gaussian-mixture VAE ({@link Gmvae}) as an experiment declares it: the encoder's ReLU
 * widths and the Gaussian code's width come from {@code model}, the ELBO's training from
 * {@code training} (optimizer, epochs, batch size); here only what is the GMVAE's own.
 */
@Doc("Gaussian-mixture VAE (Dilokthanakul et al. 2016, in Rui Shu's form): clusters are the argmax of q(y|x); "
    + "the model's encoder (ReLU dense layers) and gaussian code are its networks")
public record GmvaeSpec(
    @Doc("number of mixture components") int clusters,
    @Doc("free bits of the categorical KL's information part, in nats (against over-regularization); "
        + "null: log(clusters)") @DefaultValue(DefaultValue.NULL) Double informationFloor,
    @Doc("weight of the categorical KL's balance part (the paper's constraint; 5 recovers every blob in tests)")
    @DefaultValue("5.0") double balanceWeight,
    @Doc("updates over which the KL weight rises linearly from 0; 0 for none") @DefaultValue("0") long warmupSteps,
    @Doc("models trained from different seeds; the lowest training objective is kept") @DefaultValue("1") int restarts)
    implements ClustererSpec {
  public GmvaeSpec {
    if (clusters < 2) {
      throw new IllegalArgumentException("clusters must be >= 2, found " + clusters);
    }
    new CategoricalKl(informationFloor == null ? Math.log(clusters) : informationFloor, balanceWeight); // its checks
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warmup_steps must be >= 0, found " + warmupSteps);
    }
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts must be >= 1, found " + restarts);
    }
  }

  @Override
  public Clusterer create(ClustererTraining training) {
    var hidden = OwnNetworks.hiddenWidths("gmvae", training);
    if (!(training.model().code() instanceof GaussianCodeBlock.Spec code)) {
      throw new IllegalArgumentException("model.code: clusterer gmvae needs {type: gaussian, units: N} (its z), found "
          + training.model().code().type());
    }
    CategoricalKl categorical = new CategoricalKl(informationFloor == null ? Math.log(clusters) : informationFloor,
        balanceWeight);
    return new Gmvae(clusters, hidden, code.units(), training.model().loss(), categorical, warmupSteps,
        training.plan().fit(), restarts, training.runtime());
  }
}
