package io.github.aelab.clustering.latent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategoricalKlTest {

  /**
   * Two rows both (0.9, 0.1): KL to uniform 0.9 log 1.8 + 0.1 log 0.2 each, all of it imbalance
   * (the rows agree, so y says nothing about x): a floor of 0.5 nats adds 0.5, a balance weight of
   * 3 triples the rest.
   */
  @Test
  void theFloorAppliesToTheInformationAndTheWeightToTheBalance() {
    double[][] q = {{0.9, 0.1}, {0.9, 0.1}};
    double perRow = 0.9 * Math.log(1.8) + 0.1 * Math.log(0.2);
    assertThat(inGraph(CategoricalKl.elbo(), q)).isCloseTo(perRow, within(1e-6));
    assertThat(inGraph(new CategoricalKl(0.5, 1), q)).isCloseTo(perRow + 0.5, within(1e-6));
    assertThat(inGraph(new CategoricalKl(0, 3), q)).isCloseTo(3 * perRow, within(1e-6));
    // Confident and balanced: log 2 of information and no imbalance; a floor below it changes nothing.
    double[][] confident = {{1 - 1e-7, 1e-7}, {1e-7, 1 - 1e-7}};
    assertThat(inGraph(new CategoricalKl(0.3, 5), confident)).isCloseTo(Math.log(2), within(1e-5));
  }

  @Test
  void thePlainJavaTermThatScoresRestartsMatchesTheGraphs() {
    SplittableRandom random = new SplittableRandom(3);
    double[][] q = new double[6][3];
    for (double[] row : q) {
      double sum = 0;
      for (int j = 0; j < 3; j++) {
        row[j] = Math.exp(2 * random.nextGaussian());
        sum += row[j];
      }
      for (int j = 0; j < 3; j++) {
        row[j] /= sum;
      }
    }
    for (CategoricalKl term : new CategoricalKl[] {CategoricalKl.elbo(), new CategoricalKl(0.2, 1),
        new CategoricalKl(Math.log(3), 5)}) {
      assertThat(term.evaluate(q)).as("%s", term).isCloseTo(inGraph(term, q), within(1e-5));
    }
  }

  @Test
  void rejectsAFloorNoPosteriorCanReachAndNonPositiveWeights() {
    assertThatThrownBy(() -> new CategoricalKl(1.5, 1).check(4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("information_floor must be at most log clusters = 1.386");
    assertThatThrownBy(() -> new CategoricalKl(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("balance_weight must be > 0, found 0.0");
    assertThatThrownBy(() -> new CategoricalKl(-1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("information_floor must be >= 0, found -1.0");
  }

  private static double inGraph(CategoricalKl term, double[][] q) {
    float[][] qf = new float[q.length][q[0].length];
    float[][] logQ = new float[q.length][q[0].length];
    for (int i = 0; i < q.length; i++) {
      for (int j = 0; j < q[i].length; j++) {
        qf[i][j] = (float) q[i][j];
        logQ[i][j] = (float) Math.log(q[i][j]);
      }
    }
    return TfEval.evaluate(tf -> term.build(tf, tf.constant(qf), tf.constant(logQ), q[0].length), 1)[0];
  }
}
