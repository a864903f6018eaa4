package io.github.aelab.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.io.SavedModels;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** A trained autoencoder exported as a SavedModel loads back and computes the same numbers. */
class SavedModelRoundTripTest {
  static final int ROWS = 64;
  static final int DIMS = 12;

  @Test
  void exportedSignaturesGiveTheSameOutputs(@TempDir Path dir) {
    float[] x = Fixtures.curve(ROWS, DIMS, 5);
    AutoencoderSpec spec = AutoencoderSpec.builder(DIMS).hidden(Activation.TANH, 8).code(2, Activation.LINEAR)
        .loss(ReconstructionLoss.BCE).build();
    float[] code;
    float[] reconstruction;
    float[] score;
    float[] decoded;
    try (AutoencoderSession ae = AutoencoderSession.create(spec, AutoencoderSession.Plan.of(FitSpec.adam(1e-2, 3, 16)),
        9, RuntimeSettings.defaults(), ROWS)) {
      ae.fit(x, null, List.of(), null);
      code = ae.encode(x);
      reconstruction = ae.reconstruct(x);
      score = ae.score(x);
      decoded = ae.decode(code);
      ae.exportSavedModel(dir.resolve("model"));
      assertThatThrownBy(() -> ae.exportSavedModel(dir.resolve("model"))).hasMessageContaining("already exists");
    }
    assertThat(decoded).containsExactly(reconstruction, org.assertj.core.api.Assertions.within(1e-6f));

    try (SavedModelBundle bundle = SavedModels.load(dir.resolve("model"))) {
      assertThat(bundle.signatures()).extracting(s -> s.key())
          .contains("encode", "decode", "reconstruct", "score", "serving_default");
      assertThat(call(bundle, "encode", Autoencoder.INPUT, x, DIMS, Autoencoder.CODE)).containsExactly(code);
      assertThat(call(bundle, "reconstruct", Autoencoder.INPUT, x, DIMS, Autoencoder.RECONSTRUCTION))
          .containsExactly(reconstruction);
      assertThat(call(bundle, "score", Autoencoder.INPUT, x, DIMS, Autoencoder.SCORE)).containsExactly(score);
      assertThat(call(bundle, "decode", Autoencoder.CODE, code, 2, Autoencoder.RECONSTRUCTION)).containsExactly(decoded);
    }
  }

  @Test
  void variablesSavedAndRestoredIntoAFreshGraphGiveTheSameCodes(@TempDir Path dir) {
    float[] x = Fixtures.curve(ROWS, DIMS, 6);
    AutoencoderSpec spec = AutoencoderSpec.builder(DIMS).hidden(Activation.RELU, 8).code(3, Activation.LINEAR).build();
    AutoencoderSession.Plan plan = AutoencoderSession.Plan.of(FitSpec.adam(1e-2, 2, 16));
    float[] code;
    try (AutoencoderSession ae = AutoencoderSession.create(spec, plan, 1, RuntimeSettings.defaults(), ROWS)) {
      ae.fit(x, null, List.of(), null);
      code = ae.encode(x);
      ae.saveVariables(dir.resolve("variables"));
    }
    try (AutoencoderSession fresh = AutoencoderSession.create(spec, plan, 2, RuntimeSettings.defaults(), ROWS)) {
      assertThat(fresh.encode(x)).isNotEqualTo(code); // another seed, other initial weights
      fresh.restoreVariables(dir.resolve("variables"));
      assertThat(fresh.encode(x)).containsExactly(code);
    }
  }

  private static float[] call(SavedModelBundle bundle, String signature, String input, float[] rows, int cols,
      String output) {
    try (TFloat32 in = TFloat32.tensorOf(Shape.of(rows.length / cols, cols), DataBuffers.of(rows));
        Result r = bundle.function(signature).call(Map.<String, Tensor>of(input, in))) {
      TFloat32 t = (TFloat32) r.get(output).orElseThrow();
      float[] out = new float[(int) t.shape().size()];
      t.asRawTensor().data().asFloats().read(out);
      return out;
    }
  }
}
