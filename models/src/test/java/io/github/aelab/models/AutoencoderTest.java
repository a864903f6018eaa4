package io.github.aelab.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.core.block.Conv2DBlock;
import io.github.aelab.core.block.Conv2DTransposeBlock;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.block.ReshapeBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.TrainingResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;

class AutoencoderTest {

  @Test
  void mirrorOfADenseStackReversesWidthsAndActivations() {
    AutoencoderSpec spec = AutoencoderSpec.builder(784).hidden(Activation.SIGMOID, 1000, 500, 250)
        .code(30, Activation.LINEAR).loss(ReconstructionLoss.BCE).build();
    assertThat(spec.decoderBlocks()).containsExactly(
        new DenseBlock.Spec(250, Activation.SIGMOID), new DenseBlock.Spec(500, Activation.SIGMOID),
        new DenseBlock.Spec(1000, Activation.SIGMOID), new DenseBlock.Spec(784, Activation.LINEAR));
    assertThat(spec.codeShape()).isEqualTo(Shape.of(30));
  }

  @Test
  void mirrorOfAConvEncoderComesBackToTheImageSize() {
    AutoencoderSpec spec = AutoencoderSpec.builder(784)
        .encoder(new ReshapeBlock.Spec(new long[] {28, 28, 1}), new Conv2DBlock.Spec(16, 3, 2, Activation.RELU),
            new Conv2DBlock.Spec(8, 3, 2, Activation.RELU), new ReshapeBlock.FlattenSpec())
        .code(10, Activation.LINEAR).build();
    assertThat(spec.decoderBlocks()).extracting(b -> b.type())
        .containsExactly("dense", "reshape", "conv2d_transpose", "conv2d_transpose", "reshape");
    try (Graph g = new Graph()) {
      Autoencoder ae = Autoencoder.build(new BuildContext(g, 1), spec);
      assertThat(ae.reconstruction().shape().asArray()).containsExactly(-1, 784);
      assertThat(ae.code().shape().asArray()).containsExactly(-1, 10);
    }
  }

  @Test
  void tiedWeightsHalveTheKernels() {
    var builder = AutoencoderSpec.builder(20).hidden(Activation.TANH, 16, 8).code(2, Activation.LINEAR);
    try (Graph g = new Graph(); Graph h = new Graph()) {
      int untied = Autoencoder.build(new BuildContext(g, 1), builder.build()).trainableVariables().size();
      int tied = Autoencoder.build(new BuildContext(h, 1), builder.tiedWeights(true).build()).trainableVariables().size();
      assertThat(untied).isEqualTo(12); // 3 encoder + 3 decoder layers, kernel and bias each
      assertThat(tied).isEqualTo(9); // decoder layers keep only their biases
    }
  }

  @Test
  void badArchitecturesAreRejectedWithTheBlockNamed() {
    assertThatThrownBy(() -> AutoencoderSpec.builder(784).encoder(new Conv2DBlock.Spec(4, 3, 1, Activation.RELU))
        .code(2, Activation.LINEAR).build()).hasMessageStartingWith("encoder[0] (conv2d): conv2d needs image inputs");
    assertThatThrownBy(() -> AutoencoderSpec.builder(10).code(2, Activation.LINEAR)
        .decoder(new DenseBlock.Spec(9, Activation.LINEAR)).build())
        .hasMessageContaining("the decoder produces 9 values per example").hasMessageContaining("the input has 10");
    assertThatThrownBy(() -> AutoencoderSpec.builder(10).code(2, Activation.LINEAR)
        .decoder(new Conv2DBlock.Spec(1, 3, 1, Activation.LINEAR)).build())
        .hasMessageStartingWith("decoder[0] (conv2d): conv2d needs image inputs");
    assertThatThrownBy(() -> AutoencoderSpec.builder(10).dense(4, Activation.RELU).build())
        .hasMessageContaining("needs a code block");
  }

  @Test
  void aConvolutionalAutoencoderLearnsBlobs() {
    AutoencoderSpec spec = AutoencoderSpec.builder(64)
        .encoder(new ReshapeBlock.Spec(new long[] {8, 8, 1}), new Conv2DBlock.Spec(8, 3, 2, Activation.RELU),
            new ReshapeBlock.FlattenSpec())
        .code(4, Activation.LINEAR).loss(ReconstructionLoss.BCE).build();
    float[] x = Fixtures.blobs(512, 3);
    try (AutoencoderSession ae = AutoencoderSession.create(spec, AutoencoderSession.Plan.of(FitSpec.adam(3e-3, 15, 32)),
        1, RuntimeSettings.defaults(), 512)) {
      double before = Fixtures.mean(ae.score(x));
      TrainingResult r = ae.fit(x, null, List.of(), null);
      double after = Fixtures.mean(ae.score(x));
      assertThat(r.epochs("fit")).isEqualTo(15);
      // BCE has a floor (the entropy of the targets); the gap above it must shrink a lot.
      assertThat(after).isLessThan(before * 0.75);
    }
  }

  @Test
  void explicitDecoderWithTransposedConvolutions() {
    AutoencoderSpec spec = AutoencoderSpec.builder(64)
        .encoder(new ReshapeBlock.Spec(new long[] {8, 8, 1}), new Conv2DBlock.Spec(4, 3, 2, Activation.TANH),
            new ReshapeBlock.FlattenSpec())
        .code(3, Activation.LINEAR)
        .decoder(new DenseBlock.Spec(64, Activation.TANH), new ReshapeBlock.Spec(new long[] {4, 4, 4}),
            new Conv2DTransposeBlock.Spec(1, 3, 2, Activation.LINEAR))
        .build();
    try (Graph g = new Graph()) {
      Autoencoder ae = Autoencoder.build(new BuildContext(g, 1), spec);
      assertThat(ae.preOutput().shape().asArray()).containsExactly(-1, 64);
    }
  }
}
