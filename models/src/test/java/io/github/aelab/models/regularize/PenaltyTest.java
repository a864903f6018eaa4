package io.github.aelab.models.regularize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.testing.GradientCheck;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Penalties against hand computations, and their gradients against finite differences. */
class PenaltyTest {

  @Test
  void contractiveClosedFormMatchesTheNumericalJacobian() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      BuildContext ctx = new BuildContext(g, 3);
      Ops tf = ctx.tf();
      float[][] x = {{0.3f, -1.2f, 0.8f}, {1.5f, 0.1f, -0.4f}};
      var input = tf.constant(x);
      DenseBlock dense = (DenseBlock) new DenseBlock.Spec(2, Activation.SIGMOID).create("enc");
      var h = dense.apply(ctx, input);
      var closed = Contractive.closedForm(tf, h, dense.kernel(), Activation.SIGMOID);
      float[] kernel = fetch(s, dense.kernel());
      float[] bias = fetch(s, dense.variables().get(1));
      float[] penalty = fetch(s, closed);
      for (int row = 0; row < 2; row++) {
        double numeric = 0;
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 2; j++) {
            double eps = 1e-4;
            double up = sigmoidUnit(x[row], i, eps, kernel, bias, j);
            double down = sigmoidUnit(x[row], i, -eps, kernel, bias, j);
            double dji = (up - down) / (2 * eps);
            numeric += dji * dji;
          }
        }
        assertThat((double) penalty[row]).isCloseTo(numeric, within(1e-4));
      }
    }
  }

  private static double sigmoidUnit(float[] x, int perturbed, double eps, float[] kernel, float[] bias, int unit) {
    double z = bias[unit];
    for (int i = 0; i < x.length; i++) {
      z += (x[i] + (i == perturbed ? eps : 0)) * kernel[i * 2 + unit];
    }
    return 1 / (1 + Math.exp(-z));
  }

  @Test
  void contractivePenaltyGradientsPassFiniteDifferences() {
    var closed = GradientCheck.standard().check(Shape.of(4), 3, 7, (ctx, x) -> {
      DenseBlock dense = (DenseBlock) new DenseBlock.Spec(3, Activation.SIGMOID).create("enc");
      var h = dense.apply(ctx, x);
      return Contractive.closedForm(ctx.tf(), h, dense.kernel(), Activation.SIGMOID);
    });
    assertThat(closed.mismatches()).isEmpty();
    // The stochastic estimator with its noise held fixed (the step counter does not move while checking).
    var stochastic = GradientCheck.standard().check(Shape.of(4), 3, 8, (ctx, x) -> {
      var enc = new DenseBlock.Spec(5, Activation.TANH).create("enc");
      var code = new DenseBlock.Spec(2, Activation.TANH).create("code");
      var fx = code.apply(ctx, enc.apply(ctx, x));
      return Contractive.stochastic(ctx, v -> code.apply(ctx, enc.apply(ctx, v)), x, fx, 0.1, 2);
    });
    assertThat(stochastic.mismatches()).isEmpty();
  }

  @Test
  void klSparsityGoldenValue() {
    // rho = 0.1; mean activations (0.2, 0.1): KL = 0.1 ln(0.1/0.2) + 0.9 ln(0.9/0.8) + 0 = -0.0693147 + 0.1060046 = 0.0366899
    try (Graph g = new Graph(); Session s = new Session(g)) {
      BuildContext ctx = new BuildContext(g, 1);
      AutoencoderSpec spec = AutoencoderSpec.builder(2).code(2, Activation.SIGMOID).build();
      Autoencoder ae = Autoencoder.build(ctx, spec);
      var penalty = new KlSparsity(0.1, 2.0, "code").penalty(ctx, ae);
      float[][] codes = {{0.3f, 0.05f}, {0.1f, 0.15f}};
      try (TFloat32 fed = TFloat32.tensorOf(org.tensorflow.ndarray.StdArrays.ndCopyOf(codes));
          Result r = s.runner().feed(ae.code(), fed).fetch(penalty).run()) {
        assertThat(((TFloat32) r.get(0)).getFloat()).isCloseTo(2 * 0.0366899f, within(1e-5f));
      }
    }
  }

  @Test
  void regularizersRejectModelsTheyCannotWorkWith() {
    AutoencoderSpec reluCode = AutoencoderSpec.builder(5).code(2, Activation.RELU).build();
    assertThatThrownBy(() -> new KlSparsity(0.05, 1, "code").check(reluCode))
        .hasMessageContaining("kl_sparsity needs activations in (0, 1) on layer 'code'");
    assertThatThrownBy(() -> new L1Sparsity(0.1, "encoder[3]").check(reluCode))
        .hasMessageContaining("layer 'encoder[3]' does not exist");
    AutoencoderSpec deep = AutoencoderSpec.builder(5).dense(4, Activation.TANH).code(2, Activation.SIGMOID).build();
    assertThatThrownBy(() -> new Contractive(1, Contractive.Estimator.CLOSED_FORM, 0.01, 1).check(deep))
        .hasMessageContaining("use estimator: stochastic");
    assertThatThrownBy(() -> new MaskingNoise(1.0)).hasMessage("fraction must be in (0, 1), found 1.0");
  }

  private static float[] fetch(Session s, org.tensorflow.Operand<TFloat32> op) {
    try (Result r = s.runner().fetch(op).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] v = new float[(int) t.shape().size()];
      t.asRawTensor().data().asFloats().read(v);
      return v;
    }
  }

  @SuppressWarnings("unused")
  private static List<Object> none() {
    return List.of();
  }
}
