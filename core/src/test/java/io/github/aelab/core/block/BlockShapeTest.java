package io.github.aelab.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class BlockShapeTest {

  @Test
  void convolutionArithmeticMatchesTensorFlow() {
    var conv = new Conv2DBlock.Spec(8, 3, 2, Activation.RELU);
    assertThat(conv.outputShape(Shape.of(28, 28, 1))).isEqualTo(Shape.of(14, 14, 8));
    assertThat(conv.outputShape(Shape.of(7, 7, 8))).isEqualTo(Shape.of(4, 4, 8));
    var mirror = conv.mirror(Shape.of(7, 7, 8), Activation.RELU);
    assertThat(mirror.outputShape(Shape.of(4, 4, 8))).isEqualTo(Shape.of(7, 7, 8));

    try (Graph g = new Graph()) {
      BuildContext ctx = new BuildContext(g, 1);
      var x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 7, 7, 8)));
      var y = conv.create("c").apply(ctx, x);
      assertThat(y.shape().asArray()).containsExactly(-1, 4, 4, 8);
      var back = mirror.create("t").apply(ctx, y);
      assertThat(back.shape().asArray()).containsExactly(-1, 7, 7, 8);
    }
  }

  @Test
  void wrongShapesAreExplained() {
    assertThatThrownBy(() -> new DenseBlock.Spec(3, Activation.RELU).outputShape(Shape.of(28, 28, 1)))
        .hasMessageContaining("dense needs flat inputs").hasMessageContaining("flatten");
    assertThatThrownBy(() -> new Conv2DBlock.Spec(3, 3, 1, Activation.RELU).outputShape(Shape.of(784)))
        .hasMessageContaining("conv2d needs image inputs").hasMessageContaining("reshape");
    assertThatThrownBy(() -> new ReshapeBlock.Spec(new long[] {5, 5}).outputShape(Shape.of(24)))
        .hasMessageContaining("needs 25 values per example");
    assertThatThrownBy(() -> new Conv2DTransposeBlock.Spec(1, 3, 2, Padding.SAME, Activation.LINEAR, null, new int[] {9, 9})
        .outputShape(Shape.of(4, 4, 1))).hasMessageContaining("cannot produce size 9 from 4");
  }

  @Test
  void specsRejectOutOfRangeValuesNamingTheField() {
    assertThatThrownBy(() -> new DenseBlock.Spec(0, Activation.RELU)).hasMessage("units must be >= 1, found 0");
    assertThatThrownBy(() -> new DropoutBlock.Spec(1.0)).hasMessage("rate must be in [0, 1), found 1.0");
    assertThatThrownBy(() -> new BatchNormBlock.Spec(1.0, 1e-3)).hasMessageContaining("momentum must be in [0, 1)");
    assertThatThrownBy(() -> new Conv2DBlock.Spec(4, 0, 1, Activation.RELU)).hasMessageContaining("kernel_size must be >= 1");
  }

  @Test
  void aBlockKeepsItsWeightsWhenAppliedTwice() {
    try (Graph g = new Graph()) {
      BuildContext ctx = new BuildContext(g, 1);
      var x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 4)));
      Block dense = new DenseBlock.Spec(3, Activation.RELU).create("d");
      dense.apply(ctx, x);
      dense.apply(ctx, ctx.tf().math.mul(x, ctx.tf().constant(2f)));
      assertThat(dense.variables()).hasSize(2);
      assertThat(ctx.variables()).hasSize(2);
      var other = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5)));
      assertThatThrownBy(() -> dense.apply(ctx, other)).hasMessageContaining("was built for inputs of shape [4]");
    }
  }
}
