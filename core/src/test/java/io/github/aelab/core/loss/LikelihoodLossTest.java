package io.github.aelab.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.testing.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The Gaussian and Student-t decoder likelihoods: golden values and finite-difference gradients. */
class LikelihoodLossTest {
  @Test
  void gaussianGoldenValue() {
    // x = 1, mu = 0, s = 2: log 2 + (1/2)^2 / 2 + log(2 pi) / 2 = 1.7370857
    assertThat(perExample(ReconstructionLoss.GAUSSIAN, List.of((float) Math.log(2)))).isCloseTo(1.7370857f, within(1e-5f));
  }

  @Test
  void studentTGoldenValue() {
    // x = 1, mu = 0, s = 2, nu = 3: lgamma(1.5) - lgamma(2) + log(3 pi)/2 + log 2 + 2 log(1 + 0.25/3) = 1.8541214
    assertThat(perExample(ReconstructionLoss.STUDENT_T, List.of((float) Math.log(2), (float) Math.log(3))))
        .isCloseTo(1.8541214f, within(1e-5f));
  }

  @Test
  void studentTTendsToTheGaussianAsTheDegreesOfFreedomGrow() {
    // At nu = 1000 the two differ by O(1/nu); float32 lgamma near 500 resolves about 3e-4.
    float t = perExample(ReconstructionLoss.STUDENT_T, List.of((float) Math.log(2), (float) Math.log(1000)));
    assertThat(t).isCloseTo(1.7370857f, within(3e-3f));
  }

  @Test
  void studentTHasHeavierTailsThanTheGaussian() {
    // Ten scales from the mean the Gaussian pays 50 nats more than its centre, the Student-t (nu = 3) about 7.
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.constant(new float[][] {{10f}});
      Operand<TFloat32> zero = tf.constant(new float[][] {{0f}});
      Operand<TFloat32> nu = tf.constant(new float[][] {{(float) Math.log(3)}});
      float gaussian = eval(s, ReconstructionLoss.GAUSSIAN.perExample(tf, x, zero, List.of(zero)));
      float studentT = eval(s, ReconstructionLoss.STUDENT_T.perExample(tf, x, zero, List.of(zero, nu)));
      assertThat(gaussian).isGreaterThan(50f);
      assertThat(studentT).isLessThan(10f);
    }
  }

  @Test
  void gradientsPassFiniteDifferencesForMeanScaleAndDegreesOfFreedom() {
    // Every parameter map comes from its own dense layer of the input, so the check covers
    // d/dmu, d/dlog s and d/dlog nu (through lgamma's digamma gradient).
    for (ReconstructionLoss loss : List.of(ReconstructionLoss.GAUSSIAN, ReconstructionLoss.STUDENT_T)) {
      var check = GradientCheck.standard().check(Shape.of(3), 4, 21, (ctx, x) -> {
        Ops tf = ctx.tf();
        var mean = new DenseBlock.Spec(2, Activation.LINEAR).create("mean").apply(ctx, x);
        var logScale = new DenseBlock.Spec(2, Activation.TANH).create("log_scale").apply(ctx, x);
        var target = tf.constant(new float[][] {{0.5f, -1f}, {0f, 2f}, {1f, 1f}, {-0.5f, 0.25f}});
        List<Operand<TFloat32>> extras = loss == ReconstructionLoss.GAUSSIAN ? List.of(logScale) : List.of(logScale,
            tf.math.add(new DenseBlock.Spec(2, Activation.TANH).create("log_df").apply(ctx, x), tf.constant(1f)));
        return loss.perExample(tf, target, mean, extras);
      });
      assertThat(check.mismatches()).as(loss.yamlName()).isEmpty();
    }
  }

  @Test
  void namesWhatIsMissingWhenTheDecoderGivesTooFewMaps() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> one = tf.constant(new float[][] {{1f}});
      assertThatThrownBy(() -> ReconstructionLoss.STUDENT_T.perExample(tf, one, one))
          .hasMessage("loss student_t needs 2 parameter map(s) besides the mean from the decoder, found 0");
    }
  }

  private static float perExample(ReconstructionLoss loss, List<Float> extras) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      List<Operand<TFloat32>> maps = extras.stream().map(v -> (Operand<TFloat32>) tf.constant(new float[][] {{v}})).toList();
      return eval(s, loss.perExample(tf, tf.constant(new float[][] {{1f}}), tf.constant(new float[][] {{0f}}), maps));
    }
  }

  private static float eval(Session s, Operand<TFloat32> y) {
    try (Result r = s.runner().fetch(y).run()) {
      return ((TFloat32) r.get(0)).getFloat(0);
    }
  }
}
