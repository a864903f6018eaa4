package io.github.aelab.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.EpochRecord;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.TrainingResult;
import io.github.aelab.models.regularize.MaskingNoise;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

class StackedPretrainingTest {

  @Test
  void eachLayerPairIsTrainedInTurnThenTheWholeNetwork() {
    float[] x = Fixtures.curve(256, 16, 2);
    AutoencoderSpec spec = AutoencoderSpec.builder(16).hidden(Activation.SIGMOID, 12, 8).code(2, Activation.LINEAR).build();
    var plan = new AutoencoderSession.Plan(FitSpec.adam(1e-2, 4, 32), FitSpec.adam(1e-2, 4, 32));
    try (AutoencoderSession ae = AutoencoderSession.create(spec, plan, 3, RuntimeSettings.reproducible(), 256)) {
      TrainingResult result = ae.fit(x, null, List.of(), null);
      assertThat(result.history().stream().map(EpochRecord::stage).distinct().toList())
          .containsExactly("pretrain_0", "pretrain_1", "pretrain_2", "fit");
      for (String stage : List.of("pretrain_0", "pretrain_1", "pretrain_2")) {
        List<EpochRecord> h = result.history().stream().filter(r -> r.stage().equals(stage)).toList();
        assertThat(h.get(h.size() - 1).trainLoss()).as(stage).isLessThan(h.get(0).trainLoss());
      }
    }
  }

  @Test
  void pretrainingALayerLeavesTheOthersUntouched() {
    try (Graph g = new Graph()) {
      BuildContext ctx = new BuildContext(g, 1);
      AutoencoderSpec spec = AutoencoderSpec.builder(6).hidden(Activation.TANH, 4).code(2, Activation.LINEAR).build();
      Autoencoder ae = Autoencoder.build(ctx, spec);
      var ops = StackedPretraining.trainOps(ctx, ae, FitSpec.adam(1e-3, 1, 8), 32);
      assertThat(ops).hasSize(2);
      // layer 0 with its mirror (the output layer), then the code layer with its mirror
      assertThat(ops.get(0).variables()).containsExactlyElementsOf(concat(ae.encoderBlocks().get(0).variables(),
          ae.decoderBlocks().get(1).variables()));
      assertThat(ops.get(1).variables()).containsExactlyElementsOf(concat(ae.encoderBlocks().get(1).variables(),
          ae.decoderBlocks().get(0).variables()));
    }
  }

  @Test
  void withInputNoiseEachLayerRebuildsItsCleanInputFromACorruptedOne() {
    // Masking noise zeroes 99.9 % of the entries, so the first layer reads almost nothing and its
    // stage rebuilds about the same small output for every row. Against the clean rows (every
    // entry 10) that costs about 10^2 per entry; against the corrupted rows (almost all 0) it
    // would cost almost nothing.
    try (Graph g = new Graph(); Session s = new Session(g)) {
      BuildContext ctx = new BuildContext(g, 1);
      AutoencoderSpec spec = AutoencoderSpec.builder(20).hidden(Activation.SIGMOID, 20).code(20, Activation.SIGMOID)
          .build();
      Autoencoder ae = Autoencoder.build(ctx, spec, List.of(new MaskingNoise(0.999)));
      var ops = StackedPretraining.trainOps(ctx, ae, FitSpec.adam(1e-3, 1, 8), 32);
      float[][] rows = new float[8][20];
      for (float[] row : rows) {
        java.util.Arrays.fill(row, 10f);
      }
      try (TFloat32 x = TFloat32.tensorOf(org.tensorflow.ndarray.StdArrays.ndCopyOf(rows));
          Result r = s.runner().feed(ae.input(), x).feed(ctx.training(), TBool.scalarOf(true))
              .fetch(ops.get(0).loss()).run()) {
        assertThat(((TFloat32) r.get(0)).getFloat()).isGreaterThan(50f);
      }
    }
  }

  @Test
  void needsADecoderThatMirrorsTheEncoder() {
    try (Graph g = new Graph()) {
      BuildContext ctx = new BuildContext(g, 1);
      AutoencoderSpec spec = AutoencoderSpec.builder(6).code(2, Activation.LINEAR)
          .decoder(new DenseBlock.Spec(4, Activation.TANH), new DenseBlock.Spec(6, Activation.LINEAR)).build();
      Autoencoder ae = Autoencoder.build(ctx, spec);
      assertThatThrownBy(() -> StackedPretraining.trainOps(ctx, ae, FitSpec.adam(1e-3, 1, 8), 32))
          .hasMessageContaining("use a mirror decoder, or list one with the mirror's layers and widths");
    }
  }

  @Test
  void pairsTheLayersOfAListedDecoderWithTheMirrorsWidths() {
    // Listed out, as the DEC recipes do to give every decoder layer the encoder's initializer.
    try (Graph g = new Graph()) {
      BuildContext ctx = new BuildContext(g, 1);
      AutoencoderSpec spec = AutoencoderSpec.builder(6).hidden(Activation.TANH, 4).code(2, Activation.LINEAR)
          .decoder(new DenseBlock.Spec(4, Activation.TANH), new DenseBlock.Spec(6, Activation.LINEAR)).build();
      Autoencoder ae = Autoencoder.build(ctx, spec);
      var ops = StackedPretraining.trainOps(ctx, ae, FitSpec.adam(1e-3, 1, 8), 32);
      assertThat(ops.get(0).variables()).containsExactlyElementsOf(concat(ae.encoderBlocks().get(0).variables(),
          ae.decoderBlocks().get(1).variables()));
      assertThat(ops.get(1).variables()).containsExactlyElementsOf(concat(ae.encoderBlocks().get(1).variables(),
          ae.decoderBlocks().get(0).variables()));
    }
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
