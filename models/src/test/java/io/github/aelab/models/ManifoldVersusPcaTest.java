package io.github.aelab.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.Splits;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.data.ZScoreScaler;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.linalg.Pca;
import io.github.aelab.core.optim.LearningRateSchedule;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reason deep autoencoders exist (Hinton &amp; Salakhutdinov 2006): on a curved 1-D manifold
 * in 20-D, one nonlinear code unit reconstructs far better than one principal component.
 */
class ManifoldVersusPcaTest {

  @Test
  void aDeepAutoencoderWithOneCodeUnitBeatsPcaWithOneComponentFiveFold() {
    Dataset curve = SyntheticData.noisyManifold(2000, 20, 1, 0.02, 11);
    Split split = Splits.trainTest(curve, 0.8, 11);
    ZScoreScaler scaler = ZScoreScaler.fit(split.train());
    Dataset train = scaler.transform(split.train());
    Dataset test = scaler.transform(split.test());

    double pcaError = Pca.fit(train, 1).meanSquaredErrorPerRow(test);

    AutoencoderSpec spec = AutoencoderSpec.builder(20).hidden(Activation.TANH, 64, 32).code(1, Activation.LINEAR).build();
    FitSpec fit = new FitSpec(new OptimizerSpec.Adam(3e-3), new LearningRateSchedule.Cosine(150, 0.05), 150, 64, null, null);
    double aeError;
    try (AutoencoderSession ae = AutoencoderSession.create(spec, AutoencoderSession.Plan.of(fit), 11,
        RuntimeSettings.defaults(), train.rows())) {
      ae.fit(train.features(), null, List.of(), null);
      float[] reconstruction = ae.reconstruct(test.features());
      double sse = 0;
      for (int i = 0; i < reconstruction.length; i++) {
        double d = reconstruction[i] - test.features()[i];
        sse += d * d;
      }
      aeError = sse / test.rows();
    }
    System.out.printf("manifold: PCA-1 %.4f, autoencoder %.4f, ratio %.1f%n", pcaError, aeError, pcaError / aeError);
    assertThat(pcaError / aeError).isGreaterThanOrEqualTo(5.0);
  }
}
