package io.github.aelab.models.latent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.regularize.KlDivergence;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class VariationalAutoencoderTest {

  @Test
  void klGoldenValues() {
    // row 0: N(0, 1) is the prior: 0. row 1: mean (1, -1), logvar (ln 2, 0):
    // -1/2 [(1 + ln2 - 1 - 2) + (1 + 0 - 1 - 1)] = -1/2 (ln 2 - 3) = 1.1534264
    float[] kl = eval(tf -> KlDivergence.perExample(tf, tf.constant(new float[][] {{0, 0}, {1, -1}}),
        tf.constant(new float[][] {{0, 0}, {(float) Math.log(2), 0}})));
    assertThat(kl).containsExactly(new float[] {0f, 1.1534264f}, within(1e-6f));
  }

  @Test
  void elboTermsGoldenValues() {
    // Bernoulli: x = (1, 0), logits (0, 0): log p(x|z) = 2 ln 0.5 = -1.3862944
    // x = (1, 1), logits (2, -1): ln s(2) + ln s(-1) = -0.1269280 - 1.3132617 = -1.4401897
    float[] logp = eval(tf -> VariationalEvaluation.logLikelihood(tf, ReconstructionLoss.BCE,
        tf.constant(new float[][] {{1, 0}, {1, 1}}), tf.constant(new float[][] {{0, 0}, {2, -1}})));
    assertThat(logp).containsExactly(new float[] {-1.3862944f, -1.4401897f}, within(1e-5f));
    // Gaussian, unit variance: x = (1, 0), mean (0.5, 0): -1/2 (0.25) - ln(2 pi) = -1.9628771
    float[] gauss = eval(tf -> VariationalEvaluation.logLikelihood(tf, ReconstructionLoss.MSE,
        tf.constant(new float[][] {{1, 0}}), tf.constant(new float[][] {{0.5f, 0}})));
    assertThat(gauss[0]).isCloseTo(-1.9628771f, within(1e-5f));
  }

  /** Trained on MNIST-sized images (784 pixels), the aggregate posterior's mean and covariance approach N(0, I). */
  @Test
  void theAggregatePosteriorApproachesTheStandardNormal() {
    float[] images = blobImages(2000, 28, 4);
    AutoencoderSpec spec = AutoencoderSpec.builder(784).hidden(Activation.TANH, 128)
        .code(new GaussianCodeBlock.Spec(2)).loss(ReconstructionLoss.BCE).build();
    try (AutoencoderSession vae = AutoencoderSession.create(spec, List.of(new KlDivergence(1.0, 0)),
        AutoencoderSession.Plan.of(FitSpec.adam(2e-3, 150, 32)), 3, RuntimeSettings.defaults(), 2000)) {
      vae.fit(images, null, List.of(), null);
      float[] test = blobImages(1000, 28, 5);
      float[][] posterior = vae.posterior(test);
      double[] mean = new double[2];
      double[][] cov = new double[2][2];
      int n = 1000;
      for (int i = 0; i < n; i++) {
        for (int a = 0; a < 2; a++) {
          mean[a] += posterior[0][i * 2 + a] / n;
        }
      }
      // Aggregate posterior covariance: covariance of the means plus the mean posterior variance.
      for (int i = 0; i < n; i++) {
        for (int a = 0; a < 2; a++) {
          for (int b = 0; b < 2; b++) {
            cov[a][b] += (posterior[0][i * 2 + a] - mean[a]) * (posterior[0][i * 2 + b] - mean[b]) / n;
          }
          cov[a][a] += Math.exp(posterior[1][i * 2 + a]) / n;
        }
      }
      System.out.printf("aggregate posterior: mean (%.3f, %.3f), cov [[%.3f, %.3f], [%.3f, %.3f]]%n", mean[0], mean[1],
          cov[0][0], cov[0][1], cov[1][0], cov[1][1]);
      assertThat(mean[0]).isCloseTo(0, within(0.2));
      assertThat(mean[1]).isCloseTo(0, within(0.2));
      assertThat(cov[0][0]).isCloseTo(1, within(0.3));
      assertThat(cov[1][1]).isCloseTo(1, within(0.3));
      assertThat(cov[0][1]).isCloseTo(0, within(0.2));

      VariationalEvaluation eval = vae.variational().orElseThrow();
      double elbo = eval.negativeElbo(vae.session(), test);
      double iw1 = eval.importanceWeightedNll(vae.session(), test, 1);
      double iw50 = eval.importanceWeightedNll(vae.session(), test, 50);
      System.out.printf("negative ELBO %.2f nats, IWAE NLL k=1 %.2f, k=50 %.2f%n", elbo, iw1, iw50);
      assertThat(iw1).isCloseTo(elbo, within(0.05 * Math.abs(elbo)));
      assertThat(iw50).isLessThan(iw1);
      assertThat(eval.kl(vae.session(), test)).isPositive();
      // Sampling from the prior gives images on the data's scale; interpolation ends at the endpoints' decodings.
      float[] samples = vae.sampleFromPrior(3, 1);
      assertThat(samples).hasSize(3 * 784);
      float[] path = vae.interpolate(new float[] {-1, 0}, new float[] {1, 0}, 5);
      assertThat(path).hasSize(5 * 784);
      assertThat(java.util.Arrays.copyOfRange(path, 4 * 784, 5 * 784)).containsExactly(vae.decode(new float[] {1, 0}), within(1e-5f));
      for (float v : samples) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
  }

  @Test
  void theKlTermNeedsAGaussianCode() {
    AutoencoderSpec plain = AutoencoderSpec.builder(4).code(2, Activation.LINEAR).build();
    assertThatThrownBy(() -> new KlDivergence(1, 0).check(plain)).hasMessageContaining("needs a Gaussian code");
  }

  /** Blurry blobs on a size x size canvas at random positions, values in [0, 1]. */
  static float[] blobImages(int rows, int size, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[rows * size * size];
    for (int i = 0; i < rows; i++) {
      double cy = 4 + r.nextDouble() * (size - 8);
      double cx = 4 + r.nextDouble() * (size - 8);
      for (int y = 0; y < size; y++) {
        for (int c = 0; c < size; c++) {
          x[i * size * size + y * size + c] = (float) Math.exp(-((y - cy) * (y - cy) + (c - cx) * (c - cx)) / 8.0);
        }
      }
    }
    return x;
  }

  private static float[] eval(java.util.function.Function<Ops, Operand<TFloat32>> f) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Operand<TFloat32> out = f.apply(Ops.create(g));
      try (Result r = s.runner().fetch(out).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[] v = new float[(int) t.shape().size()];
        t.asRawTensor().data().asFloats().read(v);
        return v;
      }
    }
  }
}
