package io.github.aelab.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.Initializer;
import io.github.aelab.core.testing.GradientCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.Shape;

/** Every block's gradient, with respect to its input and to each of its variables, against finite differences. */
class BlockGradientTest {

  @ParameterizedTest
  @EnumSource(Activation.class)
  void denseWithEveryActivation(Activation activation) {
    var report = GradientCheck.standard().check(Shape.of(5), 4, 11,
        (ctx, x) -> new DenseBlock.Spec(3, activation).create("dense").apply(ctx, x));
    assertThat(report.mismatches()).isEmpty();
    assertThat(report.compared()).isGreaterThan(20);
  }

  static Stream<Arguments> convolutions() {
    return Stream.of(
        Arguments.of(new Conv2DBlock.Spec(3, 3, 1, Padding.SAME, Activation.TANH, null), Shape.of(6, 6, 2)),
        Arguments.of(new Conv2DBlock.Spec(2, 3, 2, Padding.SAME, Activation.SIGMOID, null), Shape.of(7, 7, 1)),
        Arguments.of(new Conv2DBlock.Spec(2, 2, 2, Padding.VALID, Activation.LINEAR, Initializer.GLOROT_NORMAL), Shape.of(6, 6, 3)),
        Arguments.of(new Conv2DTransposeBlock.Spec(2, 3, 2, Padding.SAME, Activation.TANH, null, null), Shape.of(3, 3, 2)),
        Arguments.of(new Conv2DTransposeBlock.Spec(1, 3, 2, Padding.SAME, Activation.LINEAR, null, new int[] {7, 7}), Shape.of(4, 4, 3)),
        Arguments.of(new Conv2DTransposeBlock.Spec(2, 2, 2, Padding.VALID, Activation.SOFTPLUS, null, null), Shape.of(3, 3, 1)));
  }

  @ParameterizedTest
  @MethodSource("convolutions")
  void convolution(BlockSpec spec, Shape input) {
    var report = GradientCheck.standard().check(input, 2, 5, (ctx, x) -> spec.create("conv").apply(ctx, x));
    assertThat(report.mismatches()).isEmpty();
  }

  @Test
  void reshapeAndFlatten() {
    var report = GradientCheck.standard().check(Shape.of(12), 3, 3, (ctx, x) -> {
      var image = new ReshapeBlock.Spec(new long[] {2, 3, 2}).create("reshape").apply(ctx, x);
      var conv = new Conv2DBlock.Spec(2, 2, 1, Activation.TANH).create("conv").apply(ctx, image);
      return new ReshapeBlock.FlattenSpec().create("flatten").apply(ctx, conv);
    });
    assertThat(report.mismatches()).isEmpty();
  }

  @Test
  void dropoutInTraining() {
    // The mask is a function of the step counter, which does not move while checking.
    var report = GradientCheck.standard().inTrainingMode().check(Shape.of(6), 4, 7, (ctx, x) -> {
      var h = new DenseBlock.Spec(8, Activation.TANH).create("dense").apply(ctx, x);
      return new DropoutBlock.Spec(0.5).create("dropout").apply(ctx, h);
    });
    assertThat(report.mismatches()).isEmpty();
  }

  @Test
  void batchNormWithBatchStatistics() {
    var report = GradientCheck.standard().inTrainingMode().check(Shape.of(4), 6, 9,
        (ctx, x) -> new BatchNormBlock.Spec().create("bn").apply(ctx, x));
    assertThat(report.mismatches()).isEmpty();
  }

  @Test
  void batchNormWithMovingStatistics() {
    var report = GradientCheck.standard().check(Shape.of(3, 3, 2), 2, 9,
        (ctx, x) -> new BatchNormBlock.Spec(0.9, 1e-3).create("bn").apply(ctx, x));
    assertThat(report.mismatches()).isEmpty();
  }

  @Test
  void tiedDenseSharesTheTransposedKernel() {
    var report = GradientCheck.standard().check(Shape.of(5), 3, 13, (ctx, x) -> {
      DenseBlock encoder = (DenseBlock) new DenseBlock.Spec(2, Activation.SIGMOID).create("enc");
      var code = encoder.apply(ctx, x);
      DenseBlock decoder = DenseBlock.tiedTranspose("dec", encoder, Activation.LINEAR);
      var out = decoder.apply(ctx, code);
      assertThat(decoder.variables()).hasSize(1); // its bias only
      return out;
    });
    assertThat(report.mismatches()).isEmpty();
  }
}
