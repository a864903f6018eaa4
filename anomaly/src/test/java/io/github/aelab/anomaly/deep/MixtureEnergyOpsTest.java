package io.github.aelab.anomaly.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.testing.GradientCheck;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class MixtureEnergyOpsTest {

  /**
   * One component over four 2-D rows, worked by hand: mean (1, 1); deviations x: -1, 1, 0, 0 and
   * y: -1, 1, -1, 1; so Σ = [[0.5, 0.5], [0.5, 1]], |Σ| = 0.25, Σ⁻¹ = [[4, -2], [-2, 2]]. Every
   * row has Mahalanobis distance 2, so its energy is 1 + ½(log 0.25 + 2 log 2π) = 2.144729; the
   * penalty Σ 1/Σ_jj is 1/0.5 + 1/1 = 3.
   */
  @Test
  void energyLogDeterminantAndPenaltyMatchAHandComputation() {
    float[][] z = {{0, 0}, {2, 2}, {1, 0}, {1, 2}};
    float[][] gamma = {{1}, {1}, {1}, {1}};
    float[][] out = evaluate(z, gamma, 1e-9f);
    double expectedEnergy = 1 + 0.5 * (Math.log(0.25) + 2 * Math.log(2 * Math.PI));
    for (float e : out[0]) {
      assertThat((double) e).isCloseTo(expectedEnergy, within(1e-5));
    }
    assertThat((double) out[1][0]).isCloseTo(3.0, within(1e-5));
    assertThat((double) out[2][0]).isCloseTo(Math.log(0.25), within(1e-5));
  }

  @Test
  void theGraphsUnrolledFactorizationAgreesWithEjmlInDoublePrecision() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 40;
    int d = 3;
    int k = 4;
    float[][] z = new float[n][d];
    float[][] gamma = new float[n][k];
    float[] zFlat = new float[n * d];
    float[] gammaFlat = new float[n * k];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int c = 0; c < k; c++) {
        gamma[i][c] = (float) Math.exp(2 * random.nextGaussian());
        sum += gamma[i][c];
      }
      for (int c = 0; c < k; c++) {
        gamma[i][c] /= (float) sum;
        gammaFlat[i * k + c] = gamma[i][c];
      }
      for (int j = 0; j < d; j++) {
        z[i][j] = (float) (random.nextGaussian() + (j == 0 ? 0.5 * z[i][0] : 0));
        zFlat[i * d + j] = z[i][j];
      }
    }
    float[][] graph = evaluate(z, gamma, 1e-6f);
    MixtureParameters reference = MixtureParameters.estimate(zFlat, gammaFlat, d, k, 1e-6);
    double[] energy = reference.energy(zFlat);
    for (int i = 0; i < n; i++) {
      assertThat((double) graph[0][i]).isCloseTo(energy[i], within(1e-4 * Math.max(1, Math.abs(energy[i]))));
    }
    double[] logDets = reference.logDeterminants();
    for (int c = 0; c < k; c++) {
      assertThat((double) graph[2][c]).isCloseTo(logDets[c], within(1e-4));
    }
  }

  @Test
  void energyGradientsMatchFiniteDifferences() {
    int d = 2;
    int k = 2;
    GradientCheck.Report report = GradientCheck.standard().withEps(5e-3).check(Shape.of(d + k), 24, 3, (ctx, input) -> {
      Ops tf = ctx.tf();
      var parts = tf.split(tf.constant(1), input, 2L);
      // Only the z half and the logits half are split when d == k, which keeps the split simple.
      Operand<TFloat32> gamma = tf.nn.softmax(parts.output().get(1));
      MixtureEnergyOps.Result r = MixtureEnergyOps.build(tf, parts.output().get(0), gamma, d, k, 1e-3f);
      return tf.concat(List.of(r.energy(), tf.expandDims(r.inverseDiagonalPenalty(), tf.constant(0))), tf.constant(0));
    });
    assertThat(report.mismatches()).isEmpty();
    assertThat(report.compared()).isPositive();
  }

  /** {energy [n], {penalty}, logDeterminants [k]}. */
  private static float[][] evaluate(float[][] z, float[][] gamma, float jitter) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      MixtureEnergyOps.Result r = MixtureEnergyOps.build(tf, tf.constant(z), tf.constant(gamma), z[0].length,
          gamma[0].length, jitter);
      try (Result out = s.runner().fetch(r.energy()).fetch(r.inverseDiagonalPenalty()).fetch(r.logDeterminants()).run()) {
        float[][] values = new float[3][];
        for (int i = 0; i < 3; i++) {
          TFloat32 t = (TFloat32) out.get(i);
          values[i] = new float[(int) t.size()];
          t.asRawTensor().data().asFloats().read(values[i]);
        }
        return values;
      }
    }
  }
}
