package io.github.aelab.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.testing.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Golden values on 2x3 tensors, worked by hand, and gradients against finite differences. */
class ReconstructionLossTest {
  static final float[] TARGET = {0f, 0.5f, 1f, 1f, 0f, 0.25f};
  static final float[] PRE = {0.5f, -1f, 2f, 0f, 3f, -0.5f};

  @Test
  void mseGoldenValues() {
    // row 0: (0.25 + 2.25 + 1) / 3 = 1.1666667; row 1: (1 + 9 + 0.5625) / 3 = 3.5208333
    float[] perExample = eval(ReconstructionLoss.MSE, true);
    assertThat(perExample).containsExactly(new float[] {1.1666667f, 3.5208333f}, within(1e-6f));
    assertThat(eval(ReconstructionLoss.MSE, false)[0]).isCloseTo(2.34375f, within(1e-6f));
  }

  @Test
  void bceGoldenValues() {
    // -[x log s(z) + (1-x) log(1-s(z))] = softplus(z) - x z, element by element:
    // row 0: softplus(0.5)=0.974077, softplus(-1)+0.5=0.813262, softplus(2)-2=0.126928 -> mean 0.638089
    // row 1: softplus(0)=0.693147, softplus(3)=3.048587, softplus(-0.5)+0.125=0.599077 -> mean 1.446937
    float[] perExample = eval(ReconstructionLoss.BCE, true);
    assertThat(perExample).containsExactly(new float[] {0.638089f, 1.446937f}, within(2e-6f));
  }

  @Test
  void bceIsFiniteForHugeLogits() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.constant(new float[][] {{1f, 0f}});
      Operand<TFloat32> z = tf.constant(new float[][] {{-500f, 500f}});
      try (Result r = s.runner().fetch(ReconstructionLoss.BCE.perExample(tf, x, z)).run()) {
        assertThat(((TFloat32) r.get(0)).getFloat(0)).isCloseTo(500f, within(1e-3f));
      }
    }
  }

  @Test
  void sumSquaredErrorIsHintonsMetric() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var sse = ReconstructionLoss.sumSquaredError(tf, tf.constant(new float[][] {{0f, 1f}, {1f, 1f}}),
          tf.constant(new float[][] {{0.5f, 0f}, {1f, 0.75f}}));
      try (Result r = s.runner().fetch(sse).run()) {
        assertThat(((TFloat32) r.get(0)).getFloat(0)).isEqualTo(1.25f);
        assertThat(((TFloat32) r.get(0)).getFloat(1)).isEqualTo(0.0625f);
      }
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    // The likelihoods with parameter maps have their own check (LikelihoodLossTest).
    for (ReconstructionLoss loss : List.of(ReconstructionLoss.MSE, ReconstructionLoss.BCE)) {
      var report = GradientCheck.standard().check(Shape.of(3), 4, 21, (ctx, z) -> {
        var target = ctx.tf().math.sigmoid(ctx.tf().constant(Shape.of(4, 3),
            DataBuffers.of(new float[] {1, -2, 0.5f, 3, 0, -1, 2, 2, -0.5f, 0.1f, -3, 1})));
        return loss.perExample(ctx.tf(), target, z);
      });
      assertThat(report.mismatches()).as(loss.name()).isEmpty();
    }
  }

  private static float[] eval(ReconstructionLoss loss, boolean perExample) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.constant(Shape.of(2, 3), DataBuffers.of(TARGET));
      Operand<TFloat32> z = tf.constant(Shape.of(2, 3), DataBuffers.of(PRE));
      Operand<TFloat32> out = perExample ? loss.perExample(tf, x, z) : loss.mean(tf, x, z);
      try (Result r = s.runner().fetch(out).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[] v = new float[(int) t.shape().size()];
        t.asRawTensor().data().asFloats().read(v);
        return v;
      }
    }
  }
}
