package io.github.aelab.clustering.latent;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The categorical term of the {@link Gmvae}'s objective, {@code KL(q(y|x) ‖ U)} averaged over
 * rows, with its two parts weighted separately. The average splits exactly as
 * {@code KL(q̄ ‖ U) + I(x; y)} (Hoffman &amp; Johnson 2016), q̄ the mean posterior: the first part
 * measures how unevenly the clusters are used, the second, the mutual information
 * {@code mean_x KL(q(y|x) ‖ q̄)}, how much y says about x. The term used is
 * <pre>
 *   balanceWeight · KL(q̄ ‖ U) + max(informationFloor, I(x; y))
 * </pre>
 * which is the ELBO's own term at {@link #elbo()} (weight 1, floor 0). The floor is
 * Dilokthanakul et al.'s information constraint (free bits) on the part that over-regularizes:
 * confident assignments are charged for up to log k nats of information, so clusters merge
 * before they form; under the floor that much is free. The weight strengthens the uniform prior
 * on the aggregate, as β-TCVAE (Chen et al. 2018) weights the parts of a decomposed KL: once the
 * information is free, balance is the only thing that keeps one component from holding two
 * clusters, and at weight 1 it is a fraction of a nat.
 *
 * @param informationFloor λ in nats, >= 0 (and at most log k, checked by the model)
 * @param balanceWeight > 0
 */
public record CategoricalKl(double informationFloor, double balanceWeight) {

  public CategoricalKl {
    if (!(informationFloor >= 0) || Double.isInfinite(informationFloor)) {
      throw new IllegalArgumentException("information_floor must be >= 0, found " + informationFloor);
    }
    if (!(balanceWeight > 0) || Double.isInfinite(balanceWeight)) {
      throw new IllegalArgumentException("balance_weight must be > 0, found " + balanceWeight);
    }
  }

  /** The plain ELBO's term: no floor, balance weight 1. */
  public static CategoricalKl elbo() {
    return new CategoricalKl(0, 1);
  }

  /**
   * Rejects a floor that no posterior over {@code clusters} values can exceed: I(x; y) ≤ log k,
   * so the information part would be off for good.
   */
  void check(int clusters) {
    if (informationFloor > Math.log(clusters) + 1e-9) {
      throw new IllegalArgumentException("information_floor must be at most log clusters = " + Math.log(clusters)
          + ", found " + informationFloor);
    }
  }

  /** The term over a batch of posteriors {@code qy} [batch, k] (with their logs), q̄ the batch mean. */
  Operand<TFloat32> build(Ops tf, Operand<TFloat32> qy, Operand<TFloat32> logQy, int k) {
    Operand<TFloat32> logK = tf.constant((float) Math.log(k));
    Operand<TFloat32> total = tf.math.mean(tf.reduceSum(tf.math.mul(qy, tf.math.add(logQy, logK)), tf.constant(1)),
        tf.constant(0));
    Operand<TFloat32> marginal = tf.math.mean(qy, tf.constant(0));
    Operand<TFloat32> balance = tf.reduceSum(tf.math.mul(marginal,
        tf.math.add(tf.math.log(tf.math.maximum(marginal, tf.constant(1e-12f))), logK)), tf.constant(0));
    // I = mean KL(q(y|x) ‖ q̄) >= 0 on any batch; the maximum is the floor.
    Operand<TFloat32> information = tf.math.maximum(tf.math.sub(total, balance), tf.constant((float) informationFloor));
    return tf.math.add(tf.math.mul(tf.constant((float) balanceWeight), balance), information);
  }

  /** The same term over all rows' posteriors, in plain Java (for scoring a trained model). */
  double evaluate(double[][] posterior) {
    int k = posterior[0].length;
    double[] marginal = new double[k];
    double total = 0;
    for (double[] row : posterior) {
      for (int j = 0; j < k; j++) {
        total += xLogKx(row[j], k) / posterior.length;
        marginal[j] += row[j] / posterior.length;
      }
    }
    double balance = 0;
    for (double m : marginal) {
      balance += xLogKx(m, k);
    }
    return balanceWeight * balance + Math.max(informationFloor, total - balance);
  }

  /** {@code x log(k x)}, 0 at x = 0: one term of a KL divergence from the uniform distribution. */
  private static double xLogKx(double x, int k) {
    return x > 0 ? x * Math.log(k * x) : 0;
  }
}
